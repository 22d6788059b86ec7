// Every call to /api goes through here: it adds the bearer token, turns the API's error body
// {"error":{status,code,message,field}} into an ApiError, and hands a 401 to the session, which sends the
// operator back to the token prompt.

export class ApiError extends Error {
  constructor(status, code, message, field = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  /** "409 conflict: bot long-07 is retired" — what a toast shows. */
  get summary() {
    const head = this.status ? `${this.status} ${this.code}` : this.code;
    return `${head}: ${this.message}`;
  }
}

export class Api {
  constructor(session) {
    this.session = session;
  }

  get(path, query = {}) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') params.set(k, v);
    const qs = params.toString();
    return this.request('GET', qs ? `${path}?${qs}` : path);
  }

  post(path, body) {
    return this.request('POST', path, body);
  }

  headers(extra = {}) {
    const token = this.session.token;
    return token ? { ...extra, Authorization: `Bearer ${token}` } : extra;
  }

  async request(method, path, body, { token } = {}) {
    const headers = token ? { Authorization: `Bearer ${token}` } : this.headers();
    const init = { method, headers, cache: 'no-store' };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new ApiError(0, 'network', `cannot reach the server (${e.message})`);
    }
    const data = await readJson(response);
    if (response.ok) return data;
    const error = errorOf(response, data);
    // A sign-in attempt passes its own token: its 401 is an answer for the prompt, not a reason to sign out.
    if (error.status === 401 && !token) this.session.signOut(error.message);
    throw error;
  }
}

async function readJson(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { unparsed: text };
  }
}

export function errorOf(response, data) {
  const e = data && data.error;
  if (e && typeof e === 'object') {
    return new ApiError(e.status ?? response.status, e.code ?? 'error', e.message ?? response.statusText, e.field);
  }
  return new ApiError(response.status, 'http', response.statusText || 'request failed');
}
