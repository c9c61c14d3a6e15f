// Calls as the tenant's frontend, through the TypeScript client (clients/typescript, compiled to
// ../client/): the app's id and key on every call, the user's token on user routes. Refused app
// credentials and ended logins are raised as window events, which the page handles once.
import { ReservationsError, TenantClient } from '../client/index.js';
import { settings } from './settings.js';

export const appHeaders = () => ({ 'x-app-id': settings.app?.appId ?? '', 'x-api-key': settings.app?.apiKey ?? '' });

export const messages = {
  invalid_app_credentials: "This app's key was refused. If the key was rotated, enter the new key under App settings.",
  app_disabled: 'This app is disabled. Ask the platform operator to enable it again.',
  invalid_token: 'Your login has ended. Log in again.',
};

/**
 * Hands refused app credentials or logins to the page (event 'tenant-refused'); returns the error to show.
 * The live feed's errors (../api.js) carry the same codes.
 */
export function raiseRefusal(error) {
  const code = error?.code;
  if (typeof code !== 'string' || !(code in messages)) return error;
  const friendly = new ReservationsError(error.status, { error: code, detail: messages[code] }, null, null);
  window.dispatchEvent(new CustomEvent('tenant-refused', { detail: friendly }));
  return friendly;
}

const tenant = () => new TenantClient({ appId: settings.app?.appId ?? '', apiKey: settings.app?.apiKey ?? '' });

/** Runs call(client) with the app's client (TenantClient). */
export async function asTenant(call) {
  try {
    return await call(tenant());
  } catch (error) {
    throw raiseRefusal(error);
  }
}

/** Runs call(client) with the signed-in user's client (UserClient). */
export function asUser(call) {
  return asTenant((client) => call(client.asUser(settings.user?.token ?? '')));
}
