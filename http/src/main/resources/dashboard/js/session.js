// The bearer token lives in sessionStorage: it survives a reload of this tab but not the tab itself, is never
// shared with other tabs, and never appears in a URL (so not in history, logs or a Referer header).

const KEY = 'strikeswarm.token';

export class Session extends EventTarget {
  get token() {
    try {
      return sessionStorage.getItem(KEY);
    } catch {
      return null; // storage disabled: the operator signs in again on each load
    }
  }

  get signedIn() {
    return Boolean(this.token);
  }

  signIn(token) {
    sessionStorage.setItem(KEY, token.trim());
    this.dispatchEvent(new CustomEvent('change', { detail: { signedIn: true } }));
  }

  /** Forgets the token; `reason` tells the sign-in screen why (e.g. the server rejected it). */
  signOut(reason = null) {
    const had = this.signedIn;
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      /* nothing stored */
    }
    if (had) this.dispatchEvent(new CustomEvent('change', { detail: { signedIn: false, reason } }));
  }
}
