import type { ConfidentialPlatform } from '../../../shared/sync-api/oauth';
import { GRAPH_VERSION } from '../../publishing/providers/facebook/facebook.http';

/**
 * Where each confidential platform's token calls go. The connectors' `auth.tokenUrl` use these same
 * addresses; they live here too so the sync service's broker can run the exchanges without
 * building connectors.
 */
export const CONFIDENTIAL_ENDPOINTS: Record<ConfidentialPlatform, { tokenUrl: string; apiBaseUrl: string }> = {
  // https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#confirm
  facebook: {
    tokenUrl: `https://graph.facebook.com/${GRAPH_VERSION}/oauth/access_token`,
    apiBaseUrl: 'https://graph.facebook.com',
  },
  // The code goes to api.instagram.com; the long-lived exchange and refresh to graph.instagram.com.
  // https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login
  instagram: { tokenUrl: 'https://api.instagram.com/oauth/access_token', apiBaseUrl: 'https://graph.instagram.com' },
  // https://developers.facebook.com/docs/threads/get-started/get-access-tokens-and-permissions
  threads: { tokenUrl: 'https://graph.threads.net/oauth/access_token', apiBaseUrl: 'https://graph.threads.net' },
  // https://developers.tiktok.com/doc/oauth-user-access-token-management
  tiktok: { tokenUrl: 'https://open.tiktokapis.com/v2/oauth/token/', apiBaseUrl: 'https://open.tiktokapis.com' },
  // https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow
  linkedin: { tokenUrl: 'https://www.linkedin.com/oauth/v2/accessToken', apiBaseUrl: 'https://api.linkedin.com' },
  // https://developers.google.com/identity/protocols/oauth2/native-app#exchange-authorization-code
  youtube: { tokenUrl: 'https://oauth2.googleapis.com/token', apiBaseUrl: 'https://www.googleapis.com' },
};
