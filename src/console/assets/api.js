// The sentinelle HTTP API as the console uses it: same origin, bearer token from sessionStorage.

const TOKEN_KEY = 'sentinelle.token';

// The API answered 401: the console must ask for a (new) token.
export class UnauthorizedError extends Error {}

// Any other failure, with the contract's error code when the server gave one.
export class ApiError extends Error {
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

// Kept per tab (sessionStorage): closing the tab forgets it.
export function storedToken() {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function storeToken(token) {
  if (token) {
    sessionStorage.setItem(TOKEN_KEY, token);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

// A same-origin URL with the query parameters that have a value.
export function apiUrl(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      url.searchParams.set(name, String(value));
    }
  }
  return url;
}

async function errorOf(response) {
  let code = '';
  let message = `HTTP ${response.status}`;
  try {
    const body = await response.json();
    code = body?.error?.code ?? '';
    message = body?.error?.message ?? message;
  } catch {
    // not JSON: keep the status alone
  }
  return new ApiError(message, response.status, code);
}

async function call(method, path, { params, body } = {}) {
  const headers = { Accept: 'application/json' };
  const token = storedToken();
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(apiUrl(path, params), {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError('serveur injoignable', 0, 'network');
  }
  if (response.status === 401) {
    throw new UnauthorizedError('token required or refused');
  }
  if (!response.ok) {
    throw await errorOf(response);
  }
  return response.json();
}

export const apiGet = (path, params) => call('GET', path, { params });
export const apiPost = (path, body) => call('POST', path, { body });
