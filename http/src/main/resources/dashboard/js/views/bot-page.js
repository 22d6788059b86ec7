// One bot (#/bots/long-07): who it is and what it may do, its state now or at any event of its journal, and the
// journal itself. The live state is re-read when the stream says the bot changed, at most every couple of seconds.
import { h, fill, setText, throttle } from '../dom.js';
import { marketTime } from '../format.js';
import { botEvents } from './bot-events.js';
import { botStatePanels } from './bot-state.js';
import { setBadge, stateBadge } from './badges.js';
import { timeTravel } from './time-travel.js';

const LIVE_REFRESH_MS = 2000;

export function botPage({ api, store, toasts }, botId) {
  let detail = null;
  const badge = stateBadge(null, 'bot-page-state');
  const subtitle = h('span', { class: 'muted', testid: 'bot-page-subtitle' });
  const haltReason = h('span', { class: 'neg', testid: 'bot-halt-reason' });
  const pause = h('button', { type: 'button', class: 'btn btn-small', testid: 'bot-page-pause',
    onclick: () => act('pause') }, 'Pause');
  const resume = h('button', { type: 'button', class: 'btn btn-small btn-primary', testid: 'bot-page-resume',
    onclick: () => act('resume') }, 'Resume');
  const banner = h('div', { class: 'banner', hidden: true, testid: 'time-travel-banner' });
  const panels = botStatePanels();

  const travel = timeTravel({ api, botId, toasts,
    onState: (state, event) => {
      panels.show(state.state);
      banner.hidden = false;
      fill(banner, h('strong', {}, 'Viewing the past: '),
        `the state after event ${state.seq}${event ? ` (${event.type})` : ''}, replayed from the journal`,
        state.state.summary.lastBar ? ` · last bar ${marketTime(state.state.summary.lastBar)}` : '',
        state.state.amm ? ' · token amounts as they were; no USD values (past pool prices are not in the journal)'
          : '',
        '. ', h('a', { href: '#', onclick: (e) => {
          e.preventDefault();
          travelLive();
        } }, 'Back to live'));
      banner.dataset.seq = String(state.seq);
    },
    onLive: () => {
      banner.hidden = true;
      if (detail) panels.show(detail);
    } });
  const travelLive = () => travel.goLive();

  const history = botEvents({ api, botId, toasts, onPick: (seq) => travel.travelTo(seq) });
  const body = h('div', { class: 'bot-body' }, banner, panels.el, history.el);
  body.hidden = true;
  const missing = h('div', { class: 'panel notice', hidden: true, testid: 'bot-missing' });

  const el = h('div', { class: 'bot-page', testid: 'bot-page', dataset: { bot: botId } },
    h('div', { class: 'bot-title' },
      h('a', { href: '#/', class: 'back', testid: 'back-to-overview' }, '← Overview'),
      h('h1', { testid: 'bot-page-id' }, botId), badge, subtitle, haltReason,
      h('div', { class: 'bot-actions' }, pause, resume)),
    travel.el,
    missing,
    body);

  function showIdentity(s) {
    setBadge(badge, s.state);
    const how = s.amm ? `chain ${s.parameters?.chain ?? '—'}` : (s.side ?? '—');
    setText(subtitle, `${s.strategy ?? '—'} · ${s.instrument ?? '—'} · ${how} · ${s.diamond} diamond`);
    setText(haltReason, s.haltReason ? `halted: ${s.haltReason}` : '');
    pause.hidden = s.state !== 'ACTIVE';
    resume.hidden = s.state !== 'PAUSED' && s.state !== 'HALTED';
  }

  async function load() {
    try {
      detail = await store.refreshBot(botId);
      missing.hidden = true;
      body.hidden = false;
      showIdentity(detail.summary);
      if (detail.amm) history.setDecimals(Object.fromEntries(detail.amm.tokens.map((t) => [t.token, t.decimals])),
        detail.amm.nativeSymbol);
      travel.setTotal(detail.eventCount);
      history.setTotal(detail.eventCount);
      if (travel.live) panels.show(detail);
    } catch (err) {
      if (err.status === 404) {
        body.hidden = true;
        missing.hidden = false;
        fill(missing, h('h2', {}, `No bot “${botId}”`), h('p', { class: 'muted' }, err.message),
          h('a', { href: '#/' }, 'Back to the overview'));
      } else if (err.status !== 401) {
        toasts.error(err, botId);
      }
    }
  }

  async function act(action) {
    pause.disabled = true;
    resume.disabled = true;
    try {
      await api.post(`/api/bots/${encodeURIComponent(botId)}/${action}`);
      toasts.ok(`${botId} ${action === 'pause' ? 'paused' : 'resumed'}`);
      await load();
    } catch (err) {
      toasts.error(err, `${action === 'pause' ? 'Pause' : 'Resume'} ${botId}`);
    } finally {
      pause.disabled = false;
      resume.disabled = false;
    }
  }

  const refresh = throttle(load, LIVE_REFRESH_MS);
  const onBots = (e) => {
    // Only changes the stream announced: a re-read of our own would otherwise trigger the next one forever.
    if (e.detail.source === 'fetch') return;
    if (e.detail.all || (e.detail.ids && e.detail.ids.includes(botId))) {
      const row = store.bots.get(botId);
      if (row) showIdentity(row);
      refresh();
    }
  };
  store.addEventListener('bots', onBots);
  load();
  return {
    el,
    destroy() {
      refresh.cancel();
      travel.destroy();
      history.destroy();
      store.removeEventListener('bots', onBots);
    },
  };
}
