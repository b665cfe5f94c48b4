import { z } from 'zod';
import tipsJson from '../../../../resources/coach-tips.json';

const Tip = z.strictObject({ title: z.string().min(1), text: z.string().min(1) });
const TipsFile = z.strictObject({
  $comment: z.string().optional(),
  version: z.literal(1),
  tips: z.record(z.string(), Tip).refine((t) => 'default' in t && 'getting-started' in t, {
    message: 'needs the "default" and "getting-started" tips',
  }),
});

/** Validated at load: a broken tips file fails at startup, not in the middle of a plan. */
const TIPS = TipsFile.parse(tipsJson).tips;

export type CoachTip = z.infer<typeof Tip>;

/** The tip for a success factor: its exact key, else its family ("hook:question" → "hook"), else the default. */
export function tipFor(feature: string | null): CoachTip {
  if (feature === null) return TIPS['getting-started'] as CoachTip;
  const family = feature.includes(':') ? feature.slice(0, feature.indexOf(':')) : feature;
  return TIPS[feature] ?? TIPS[family] ?? (TIPS.default as CoachTip);
}
