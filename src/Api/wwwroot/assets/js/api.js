// Calls the engine and turns its problem+json answers into errors that carry a message for people.

export class ApiError extends Error {
  /** problem: the whole problem+json body, for members beyond detail and error (unavailableSeatIds, say). */
  constructor(status, code, message, problem = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.problem = problem;
  }
}

const networkError = () =>
  new ApiError(0, 'network', 'Could not reach the engine. Check the connection and try again.');

async function readProblem(response) {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const problem = await response.json().catch(() => null);
    if (problem && typeof problem === 'object') {
      const message = problem.detail || problem.title || `The engine answered ${response.status}.`;
      return new ApiError(response.status, problem.error ?? 'error', message, problem);
    }
  }
  return new ApiError(response.status, 'error', `The engine answered ${response.status} ${response.statusText}.`.trim());
}

/**
 * Sends one request: a JSON body in, the parsed JSON body out (null when there is none).
 * Throws ApiError for a non-2xx answer (with the problem's detail as message) or a network failure.
 */
export async function request(path, { method = 'GET', body, headers = {}, signal } = {}) {
  const init = { method, headers: { accept: 'application/json', ...headers }, signal };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw networkError();
  }
  if (!response.ok) throw await readProblem(response);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** A query string from the entries that have a value. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
