import type { GoalStatus, ProgressExport } from '../../shared/domain/coach';
import type { CoachFactors } from './coach-analytics.port';
import { formatFigure } from './today/plan-facts';
import { goalLine } from './today/goal-line';

export interface RecentWeek {
  weekStart: string;
  posts: number;
  /** Σ engagements ÷ Σ exposure of that week's posts, null without exposure data. */
  engagementRate: number | null;
}

/**
 * A shareable Markdown summary of the creator's progress. Built from figures only: no post text,
 * no account handles or tokens, nothing from settings, so it can go to a friend or a mentor.
 */
export function progressMarkdown(input: {
  today: string;
  niche: string;
  status: GoalStatus;
  factors: CoachFactors;
  weeks: readonly RecentWeek[];
}): ProgressExport {
  const { status, today } = input;
  const fmt = (v: number) => formatFigure(v, status.unit);
  const lines: string[] = [
    `# My creator progress (${today})`,
    '',
    `Niche: ${input.niche}`,
    '',
    '## Goal',
    '',
    `- Goal: ${status.goal.metric.replace('_', ' ')} to ${fmt(status.goal.target)} by ${status.goal.deadline} (started ${status.goal.startedAt.slice(0, 10)})`,
    `- Where I am: ${goalLine(status)}`,
    `- Started at: ${fmt(status.baseline)}; the plan puts me at ${fmt(status.neededToday)} today`,
    `- How it is measured: ${status.definition}`,
  ];
  if (status.forecast.available) {
    const f = status.forecast;
    lines.push(
      `- Forecast at the deadline: ${fmt(f.point)} (80 % interval ${fmt(f.lower)} to ${fmt(f.upper)}), ${Math.round(f.probability * 100)} % chance to reach the target`,
    );
  } else {
    lines.push(`- Forecast: ${status.forecast.reason}`);
  }
  lines.push('', '## Milestones', '');
  for (const m of status.milestones) {
    const state = m.reachedAt ? `reached ${m.reachedAt.slice(0, 10)}` : `due ${m.dueDate}`;
    lines.push(`- ${Math.round(m.fraction * 100)} % (${fmt(m.value)}): ${state}`);
  }
  lines.push(
    '',
    '## Consistency',
    '',
    `- Cadence streak: ${status.streak.current} weeks in a row (best ${status.streak.best})`,
    `- This week: ${status.streak.thisWeek.published} of ${status.streak.thisWeek.target} planned posts`,
    '',
    '## What works for me',
    '',
  );
  const confident = input.factors.factors.filter((f) => f.confident).slice(0, 5);
  if (confident.length === 0) lines.push(`- ${input.factors.reason ?? 'No clear success factors yet.'}`);
  for (const f of confident) {
    lines.push(
      `- ${f.label}: ${f.effectPercent >= 0 ? '+' : ''}${Math.round(f.effectPercent)} % engagement (${f.support} posts)`,
    );
  }
  lines.push('', '## Recent weeks', '', '| Week of | Posts | Engagement rate |', '| --- | ---: | ---: |');
  for (const w of input.weeks) {
    lines.push(
      `| ${w.weekStart} | ${w.posts} | ${w.engagementRate === null ? '–' : `${(w.engagementRate * 100).toFixed(2)} %`} |`,
    );
  }
  lines.push('', '_Made with Cadence. Figures come from my own post and account data._', '');
  return { fileName: `cadence-progress-${today}.md`, mimeType: 'text/markdown', content: lines.join('\n') };
}
