// Starts the dashboard: the token prompt when signed out; otherwise the header, the live stream, and the page the
// URL's hash names (#/ the overview, #/bots/<id> a bot). Signing out, or any 401, tears it all down again.
import { Api } from './api.js';
import { h, throttle } from './dom.js';
import { Session } from './session.js';
import { LiveStream } from './sse.js';
import { Store } from './store.js';
import { Toasts } from './toast.js';
import { botPage } from './views/bot-page.js';
import { killSwitchDialog, resumeSwarmDialog } from './views/dialogs.js';
import { headerView } from './views/header.js';
import { overviewView } from './views/overview.js';
import { signInView } from './views/sign-in.js';

const app = document.getElementById('app');
const session = new Session();
const api = new Api(session);
const toasts = new Toasts(document.getElementById('toasts'));

let running = null;

function route(ctx) {
  const match = /^#\/bots\/([^/]+)$/.exec(window.location.hash);
  if (match) return botPage(ctx, decodeURIComponent(match[1]));
  return overviewView(ctx);
}

function startSignedIn() {
  const store = new Store(api);
  const stream = new LiveStream(session);
  const ctx = { api, store, toasts, stream, session };
  const killSwitch = killSwitchDialog(ctx);
  const resumeSwarm = resumeSwarmDialog(ctx);
  const header = headerView({ ...ctx, killSwitch, resumeSwarm });
  const main = h('main', { class: 'page' });
  app.replaceChildren(header.el, main, killSwitch.el, resumeSwarm.el);

  let page = null;
  const showPage = () => {
    if (page) page.destroy();
    page = route(ctx);
    main.replaceChildren(page.el);
    main.scrollTop = 0;
    document.title = window.location.hash.startsWith('#/bots/')
      ? `${decodeURIComponent(window.location.hash.slice(7))} · StrikeSwarm` : 'StrikeSwarm · Operations';
  };

  // Updates sent while the stream was down are gone: a reconnect re-reads everything. So does a gap in the
  // event ids, which the server numbers consecutively and drops (oldest first) for a client that reads too slowly.
  const resync = throttle(() => store.loadAll().catch((err) => toasts.error(err, 'Reloading the swarm')), 5000);
  let lastId = null;
  stream.addEventListener('open', (e) => {
    lastId = null;
    if (e.detail.reconnect) resync();
  });
  stream.addEventListener('message', (e) => {
    const id = Number(e.detail.id);
    if (Number.isSafeInteger(id)) {
      if (lastId !== null && id > lastId + 1) resync();
      lastId = id;
    }
    store.apply(e.detail);
  });
  window.addEventListener('hashchange', showPage);

  store.loadAll()
    .catch((err) => {
      if (err.status !== 401) toasts.error(err, 'Loading the swarm');
    })
    .finally(() => {
      if (running && running.store === store) showPage();
    });
  stream.start();

  return {
    store,
    stop() {
      resync.cancel();
      window.removeEventListener('hashchange', showPage);
      stream.stop();
      if (page) page.destroy();
      header.destroy();
    },
  };
}

function render(reason = null) {
  if (running) {
    running.stop();
    running = null;
  }
  if (session.signedIn) {
    running = startSignedIn();
  } else {
    const view = signInView({ api, session, reason });
    app.replaceChildren(view.el);
  }
}

session.addEventListener('change', (e) => render(e.detail.reason));
render();
