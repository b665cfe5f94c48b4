import type { BulkFormat, BulkTopics } from '../../shared/domain/bulk';
import type { LlmService } from '../llm/llm.service';
import type { Logger } from '../platform/logger/logger';

/** Topic patterns per format, used (and labelled as such) when no model gives usable topics. */
const PATTERNS: Record<BulkFormat, ((niche: string) => string)[]> = {
  listicle: [(n) => `5 mistakes in ${n}`, (n) => `7 tools I use for ${n}`, (n) => `3 myths about ${n}`],
  'how-to': [
    (n) => `How to get started with ${n}`,
    (n) => `How to get better at ${n} in 30 days`,
    (n) => `How I plan my week around ${n}`,
  ],
  story: [
    (n) => `What a year of ${n} taught me`,
    (n) => `The day ${n} finally clicked for me`,
    (n) => `My biggest ${n} failure, and what came after`,
  ],
  'contrarian-take': [
    (n) => `The ${n} advice I stopped following`,
    (n) => `Unpopular opinion about ${n}`,
    (n) => `Why most ${n} tips do not work`,
  ],
  'case-study': [
    (n) => `A ${n} project, step by step: what worked`,
    (n) => `Before and after: one change in my ${n}`,
    (n) => `The numbers behind my ${n} experiment`,
  ],
  'hook-value-cta': [
    (n) => `One ${n} habit that changed my results`,
    (n) => `The ${n} question I get asked most`,
    (n) => `A ${n} checklist you can use today`,
  ],
  announcement: [
    (n) => `What is coming next in my ${n} work`,
    (n) => `Something new I am trying in ${n}`,
    (n) => `A ${n} resource I am sharing this week`,
  ],
};

/**
 * `count` distinct topics about the niche, in the order of `formats` (one per planned slot):
 * patterns of niche × format. Beyond the patterns a format has, topics are numbered ("…, part 2").
 */
export function patternTopics(niche: string, formats: readonly BulkFormat[]): string[] {
  const used = new Map<BulkFormat, number>();
  return formats.map((format) => {
    const n = used.get(format) ?? 0;
    used.set(format, n + 1);
    const patterns = PATTERNS[format];
    const topic = patterns[n % patterns.length]!(niche);
    const round = Math.floor(n / patterns.length);
    return round === 0 ? topic : `${topic}, part ${round + 1}`;
  });
}

const TOPICS_SCHEMA = {
  type: 'object',
  properties: { topics: { type: 'array', items: { type: 'string' } } },
  required: ['topics'],
};

/** Distinct, readable topics from a model's JSON answer; [] when it cannot be read. */
export function readTopics(text: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const list = (parsed as { topics?: unknown } | null)?.topics;
  if (!Array.isArray(list)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const entry of list) {
    if (typeof entry !== 'string') continue;
    const topic = entry.replace(/\s+/g, ' ').trim();
    const key = topic.toLowerCase();
    if (topic.length < 3 || topic.length > 200 || seen.has(key)) continue;
    seen.add(key);
    out.push(topic);
  }
  return out;
}

/**
 * Topics for a plan: asked of the AI (drafting chain, JSON), the rest filled from the patterns.
 * The label says honestly which happened and why.
 */
export async function planTopics(
  deps: { llm: LlmService; logger: Logger },
  niche: string,
  formats: readonly BulkFormat[],
): Promise<{ topics: string[]; label: BulkTopics }> {
  const patterns = patternTopics(niche, formats);
  if (formats.length === 0) return { topics: [], label: { source: 'ai', note: 'No posts to plan.' } };
  let fromAi: string[] = [];
  let reason = 'the model’s answer could not be read as a list of topics';
  try {
    const generation = await deps.llm.generate({
      task: 'drafting',
      system: 'You plan social media content. Answer only with JSON.',
      prompt:
        `List ${formats.length} distinct post topics about "${niche}", one per line of this plan, ` +
        `each fitting its format: ${formats.map((f, i) => `${i + 1}. ${f}`).join('; ')}. ` +
        'Each topic is a short headline (under 12 words). Answer as {"topics": ["…"]}.',
      maxTokens: Math.min(2000, 40 * formats.length + 60),
      temperature: 0.8,
      jsonSchema: TOPICS_SCHEMA,
    });
    fromAi = readTopics(generation.text).slice(0, formats.length);
  } catch (error) {
    reason = `no model answered (${error instanceof Error ? error.message : String(error)})`;
    deps.logger.info({ err: error }, 'bulk: topics from patterns, the AI did not answer');
  }
  if (fromAi.length === formats.length) {
    return { topics: fromAi, label: { source: 'ai', note: 'Topics suggested by the AI; edit any before starting.' } };
  }
  const taken = new Set(fromAi.map((t) => t.toLowerCase()));
  const rest = patterns.slice(fromAi.length).map((t) => (taken.has(t.toLowerCase()) ? `${t} (again)` : t));
  const topics = [...fromAi, ...rest];
  if (fromAi.length === 0) {
    return {
      topics,
      label: {
        source: 'fallback',
        note: `These topics are simple patterns of your niche and each format, because ${reason}. Edit them before starting.`,
      },
    };
  }
  return {
    topics,
    label: {
      source: 'mixed',
      note: `The AI suggested ${fromAi.length} of ${formats.length} topics; the rest are simple patterns of your niche and format. Edit them before starting.`,
    },
  };
}
