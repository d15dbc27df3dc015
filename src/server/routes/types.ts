import type { AuthSettings } from '../../services/auth.service.js';
import type { Deps } from '../../services/context.js';

/** What route modules receive from buildApp. */
export interface RouteDeps {
  deps: Deps;
  auth: AuthSettings;
  cookieSecure: boolean;
  loginRateLimit: { max: number; timeWindow: string } | false;
}
