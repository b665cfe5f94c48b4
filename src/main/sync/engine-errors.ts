import { ContractError, type ErrorCode } from '../../shared/contract';
import { SERVER_ERROR_CODES, type ServerErrorCode } from '../../shared/sync-api/errors';
import { CONTRACT_CODES } from './account/cloud-errors';

/**
 * Codes of the engine's own failures (src/main/sync/crypto/errors.ts, engine/transport.ts) and
 * the app code each crosses the contract with. Their messages already say what to do.
 */
const ENGINE_CODES: Record<string, ErrorCode> = {
  wrong_passphrase: 'VALIDATION_FAILED',
  passphrase_changed: 'CONFLICT',
  keyring_corrupt: 'INTERNAL',
  change_corrupt: 'INTERNAL',
  unknown_key: 'CONFLICT',
  change_too_large: 'VALIDATION_FAILED',
  locked: 'CONFLICT',
  keyring_exists: 'CONFLICT',
  no_keyring: 'NOT_FOUND',
  keyring_conflict: 'CONFLICT',
  network: 'UNAVAILABLE',
  bad_response: 'UNAVAILABLE',
};

function isServerCode(code: string): code is ServerErrorCode {
  return (SERVER_ERROR_CODES as readonly string[]).includes(code);
}

/**
 * An engine failure with a stable `code` crosses the contract with its own message and the code in
 * details (the UI reacts to `wrong_passphrase`); anything else stays an internal error, logged.
 */
export function toEngineContractError(error: unknown): unknown {
  if (error instanceof ContractError) return error;
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    const code = error.code;
    const appCode = ENGINE_CODES[code] ?? (isServerCode(code) ? CONTRACT_CODES[code] : 'UNAVAILABLE');
    return new ContractError(appCode, error.message, { syncCode: code });
  }
  return error;
}
