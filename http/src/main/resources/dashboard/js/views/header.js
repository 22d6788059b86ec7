// The bar on every page: where the swarm stands (trading state, market time), whether the live feed is
// connected, and the swarm-wide controls.
import { h, setText } from '../dom.js';
import { marketTime } from '../format.js';
import { setBadge, stateBadge } from './badges.js';

const CONNECTION_TEXT = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  live: 'Live',
  stopped: 'Disconnected',
};

export function headerView({ store, stream, session, killSwitch, resumeSwarm }) {
  const state = stateBadge(null, 'trading-state');
  const market = h('span', { class: 'mono', testid: 'market-time' }, '—');
  const connDot = h('span', { class: 'conn-dot' });
  const connText = h('span', {}, '');
  const conn = h('span', { class: 'conn', testid: 'conn-status' }, connDot, connText);
  const resume = h('button', { type: 'button', class: 'btn btn-small', testid: 'resume-swarm',
    onclick: () => resumeSwarm.open() }, 'Resume swarm');

  const el = h('header', { class: 'topbar' },
    h('a', { class: 'brand', href: '#/' }, h('span', { class: 'brand-mark' }), 'StrikeSwarm'),
    h('nav', { class: 'nav' }, h('a', { href: '#/', testid: 'nav-overview' }, 'Overview')),
    h('div', { class: 'topbar-status' },
      h('span', { class: 'label' }, 'Trading'), state,
      h('span', { class: 'label' }, 'Market'), market, h('span', { class: 'muted' }, 'UTC'),
      conn),
    h('div', { class: 'topbar-actions' },
      resume,
      h('button', { type: 'button', class: 'btn btn-danger btn-small', testid: 'kill-switch',
        onclick: () => killSwitch.open() }, 'Kill switch'),
      h('button', { type: 'button', class: 'btn btn-ghost btn-small', testid: 'sign-out',
        onclick: () => session.signOut() }, 'Sign out')));

  const showSwarm = () => {
    const s = store.swarm;
    if (!s) return;
    setBadge(state, s.tradingState);
    state.title = s.risk && s.risk.reason ? s.risk.reason : '';
    setText(market, marketTime(s.marketTime));
    resume.classList.toggle('attention', s.tradingState !== 'ACTIVE');
  };

  let ticker = null;
  const showConnection = () => {
    const st = stream.status;
    conn.dataset.state = st.state;
    if (st.state === 'retrying') {
      const secs = Math.max(0, Math.ceil((st.retryAt - Date.now()) / 1000));
      setText(connText, `Reconnecting in ${secs} s`);
      conn.title = st.message ?? '';
    } else {
      setText(connText, CONNECTION_TEXT[st.state] ?? st.state);
      conn.title = '';
    }
  };

  store.addEventListener('swarm', showSwarm);
  stream.addEventListener('status', showConnection);
  ticker = setInterval(showConnection, 1000); // the reconnect countdown
  showSwarm();
  showConnection();
  return {
    el,
    destroy() {
      clearInterval(ticker);
      store.removeEventListener('swarm', showSwarm);
      stream.removeEventListener('status', showConnection);
    },
  };
}
