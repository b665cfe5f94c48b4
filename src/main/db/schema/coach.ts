import type { Generated } from 'kysely';

/** The goal the coach is following (id 1); a different profile goal starts a new one. */
export interface CoachGoalTable {
  id: number;
  metric: string;
  target: number;
  deadline: string;
  started_at: string;
}

/** Milestones of the current goal on the needed path. */
export interface CoachMilestonesTable {
  id: Generated<number>;
  fraction: number;
  value: number;
  due_date: string;
  reached_at: string | null;
  celebrated_at: string | null;
}

/** One coaching plan per local calendar day, as JSON. */
export interface CoachSessionsTable {
  date: string;
  plan: string;
  created_at: string;
}

/** A rule that fired, and what the creator did: acted, snoozed, dismissed (or it resolved itself). */
export interface CoachInterventionsTable {
  id: Generated<number>;
  rule: string;
  situation: string;
  details: string;
  /** 'open' | 'snoozed' | 'dismissed' | 'acted' | 'resolved' */
  status: string;
  triggered_at: string;
  snoozed_until: string | null;
  closed_at: string | null;
  action: string | null;
}
