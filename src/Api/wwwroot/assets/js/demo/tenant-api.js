// Calls as the tenant's frontend: the app's headers on every call, the user's token on user routes.
// Refused app credentials and ended logins are raised as window events, which the page handles once.
import { request, ApiError } from '../api.js';
import { settings } from './settings.js';

export const appHeaders = () => ({ 'x-app-id': settings.app?.appId ?? '', 'x-api-key': settings.app?.apiKey ?? '' });

export const messages = {
  invalid_app_credentials: "This app's key was refused. If the key was rotated, enter the new key under App settings.",
  app_disabled: 'This app is disabled. Ask the platform operator to enable it again.',
  invalid_token: 'Your login has ended. Log in again.',
};

/** Hands refused app credentials or logins to the page (event 'tenant-refused'); returns the error to show. */
export function raiseRefusal(error) {
  if (!(error instanceof ApiError) || !(error.code in messages)) return error;
  const friendly = new ApiError(error.status, error.code, messages[error.code]);
  window.dispatchEvent(new CustomEvent('tenant-refused', { detail: friendly }));
  return friendly;
}

export async function tenantApi(path, { user = false, ...options } = {}) {
  const headers = appHeaders();
  if (user) headers.authorization = `Bearer ${settings.user?.token ?? ''}`;
  try {
    return await request(path, { ...options, headers });
  } catch (error) {
    throw raiseRefusal(error);
  }
}
