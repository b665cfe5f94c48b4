import { z } from 'zod';
import formulasJson from '../../../resources/engagement-formulas.json';
import type { EngagementFormulaInfo } from '../../shared/domain/analytics';
import { PLATFORMS, type Platform } from '../../shared/domain/platform';
import { ENGAGEMENT_FORMULAS } from './math/engagement';

const FormulaFile = z.record(
  z.string(),
  z.object({
    text: z.string(),
    source: z.object({ title: z.string(), url: z.string() }).nullable(),
  }),
);

/** Validated once at load: a broken resource file should fail loudly at startup, not in a chart. */
const explained = FormulaFile.parse(formulasJson);

const INFO = Object.fromEntries(
  PLATFORMS.map((platform): [Platform, EngagementFormulaInfo] => {
    const math = ENGAGEMENT_FORMULAS[platform];
    const doc = explained[platform];
    return [
      platform,
      {
        formula: math.formula,
        explanation: doc?.text ?? math.source,
        denominator: math.denominator,
        source: doc?.source ?? null,
      },
    ];
  }),
) as Record<Platform, EngagementFormulaInfo>;

/** The formula the UI shows beside a platform's engagement rate (math text + documented source). */
export function formulaInfo(platform: Platform): EngagementFormulaInfo {
  return INFO[platform];
}
