// Short notices in the corner. Errors stay longer than confirmations and always name the API's status and
// message, so an operator can tell "the swarm refused" (409) from "you may not" (403) from "server down".
import { h } from './dom.js';

const MAX_SHOWN = 5;

export class Toasts {
  constructor(container) {
    this.container = container;
  }

  show(kind, title, message, ms) {
    const toast = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status',
      testid: `toast-${kind}` },
    h('div', { class: 'toast-title' }, title),
    message ? h('div', { class: 'toast-message', testid: 'toast-message' }, message) : null,
    h('button', { class: 'toast-close', type: 'button', 'aria-label': 'Dismiss', onclick: () => toast.remove() }, '×'));
    this.container.prepend(toast);
    while (this.container.children.length > MAX_SHOWN) this.container.lastElementChild.remove();
    setTimeout(() => toast.remove(), ms);
    return toast;
  }

  /** An ApiError (or any error) as "409 conflict" over its message. A 401 is left to the token prompt. */
  error(err, context = null) {
    if (err && err.status === 401) return null;
    const title = err && err.status !== undefined
      ? `${err.status || 'Network'} ${err.code ?? ''}`.trim() : 'Error';
    const message = (context ? `${context}: ` : '') + (err && err.message ? err.message : String(err));
    return this.show('error', title, message, 10_000);
  }

  ok(title, message = null) {
    return this.show('ok', title, message, 4_000);
  }
}
