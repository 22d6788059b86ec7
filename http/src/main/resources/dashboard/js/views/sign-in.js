// The token prompt. The token is checked against the API before it is kept, so a typo is caught here rather
// than as a wall of 401s; it is typed into a password field and stored only in this tab's sessionStorage.
import { h } from '../dom.js';

export function signInView({ api, session, reason }) {
  const input = h('input', { type: 'password', id: 'token', name: 'token', autocomplete: 'off', spellcheck: false,
    placeholder: 'Bearer token', required: true, testid: 'token-input' });
  const error = h('div', { class: 'signin-error', role: 'alert', testid: 'sign-in-error', hidden: !reason },
    reason ? `Signed out: ${reason}` : '');
  const button = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'sign-in' }, 'Sign in');

  // POST and preventDefault: even if scripts fail half-way, the token is never put into a URL by a GET form.
  const form = h('form', { class: 'signin-card', method: 'post', action: '#', autocomplete: 'off',
    onsubmit: async (e) => {
      e.preventDefault();
      const token = input.value.trim();
      if (!token) return;
      button.disabled = true;
      error.hidden = true;
      try {
        await api.request('GET', '/api/swarm', undefined, { token });
        session.signIn(token);
      } catch (err) {
        // 503 (view not ready yet) still means the token was accepted.
        if (err.status && err.status !== 401 && err.status !== 403 && err.status !== 429) {
          session.signIn(token);
          return;
        }
        error.textContent = err.status === 401 ? `Token rejected: ${err.message}` : err.summary;
        error.hidden = false;
        input.select();
      } finally {
        button.disabled = false;
      }
    } },
  h('div', { class: 'brand brand-large' }, h('span', { class: 'brand-mark' }), 'StrikeSwarm'),
  h('p', { class: 'muted' }, 'Operations dashboard. Sign in with an API bearer token.'),
  h('label', { for: 'token' }, 'Token'),
  input,
  error,
  button,
  h('p', { class: 'hint' }, 'A service started without configured tokens writes an admin token to ',
    h('code', {}, 'DATA_DIR/http/admin.token'), '. The token stays in this browser tab only.'));

  const el = h('div', { class: 'signin', testid: 'sign-in-view' }, form);
  setTimeout(() => input.focus(), 0);
  return { el, destroy() {} };
}
