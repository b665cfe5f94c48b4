import { ContractError, type FieldIssue } from '../../shared/contract/errors';

/** A sentence to show the user for anything thrown by the client or the UI. */
export function errorMessage(error: unknown): string {
  if (error instanceof ContractError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong';
}

export function isContractError(error: unknown, code?: ContractError['code']): error is ContractError {
  return error instanceof ContractError && (code === undefined || error.code === code);
}

function isFieldIssue(value: unknown): value is FieldIssue {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { path?: unknown; message?: unknown };
  return (
    Array.isArray(candidate.path) &&
    candidate.path.every((part) => typeof part === 'string' || typeof part === 'number') &&
    typeof candidate.message === 'string'
  );
}

/** The field issues of a VALIDATION_FAILED error (empty for anything else). */
export function fieldIssuesOf(error: unknown): FieldIssue[] {
  if (!isContractError(error, 'VALIDATION_FAILED')) return [];
  const details = error.details as { issues?: unknown } | null | undefined;
  const issues = details?.issues;
  return Array.isArray(issues) ? issues.filter(isFieldIssue) : [];
}

/**
 * Groups issues by field key: the path joined with dots ("goal.deadline"). With `depth`, paths
 * are cut to that many parts, so ['platforms', 3] lands on "platforms". The first message wins.
 */
export function issuesByField(issues: FieldIssue[], depth?: number): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of issues) {
    const key = (depth === undefined ? issue.path : issue.path.slice(0, depth)).join('.');
    byField[key] ??= issue.message;
  }
  return byField;
}
