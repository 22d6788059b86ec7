// The time-travel bar: a slider over the bot's event sequence. Moving it asks /state-at?seq=N for the bot's state
// replayed through that event (debounced: a drag is one request, not hundreds) and the page shows that state
// until "Live" is pressed. Answers to superseded requests are dropped, so the last position always wins.
import { h, debounce, setText } from '../dom.js';
import { eventLabel } from './journal.js';

const DEBOUNCE_MS = 250;

export function timeTravel({ api, botId, toasts, onState, onLive }) {
  let total = 0;
  let live = true;
  let asked = 0;
  const slider = h('input', { type: 'range', min: 1, max: 1, value: 1, step: 1, testid: 'time-travel-slider',
    'aria-label': 'Event sequence' });
  const seqText = h('span', { class: 'mono tt-seq', testid: 'time-travel-seq' });
  const eventText = h('span', { class: 'tt-event muted', testid: 'time-travel-event' });
  const liveButton = h('button', { type: 'button', class: 'btn btn-tiny', testid: 'time-travel-live',
    onclick: () => goLive() }, 'Live');
  const step = (delta, label, testid) => h('button', { type: 'button', class: 'btn btn-tiny', testid,
    'aria-label': label, onclick: () => moveTo(Number(slider.value) + delta) }, delta < 0 ? '◀' : '▶');

  const el = h('section', { class: 'time-travel', testid: 'time-travel' },
    h('span', { class: 'tt-title' }, 'Time travel'),
    step(-1, 'Previous event', 'time-travel-back'),
    slider,
    step(1, 'Next event', 'time-travel-forward'),
    seqText, eventText, liveButton);

  const fetchState = debounce(async (seq) => {
    const ticket = ++asked;
    try {
      const [state, events] = await Promise.all([
        api.get(`/api/bots/${encodeURIComponent(botId)}/state-at`, { seq }),
        api.get(`/api/bots/${encodeURIComponent(botId)}/events`, { from: seq, limit: 1 }),
      ]);
      if (ticket !== asked || live) return;
      const event = events.items[0];
      setText(eventText, event ? eventLabel(event) : '');
      onState(state, event);
    } catch (err) {
      if (ticket === asked) toasts.error(err, `State at event ${seq}`);
    }
  }, DEBOUNCE_MS);

  function moveTo(seq) {
    const n = Math.max(1, Math.min(total, seq));
    slider.value = String(n);
    travel();
  }

  function travel() {
    const seq = Number(slider.value);
    if (live && seq >= total) return;
    live = false;
    el.classList.add('travelling');
    liveButton.classList.add('btn-primary');
    setText(seqText, `event ${seq} of ${total}`);
    setText(eventText, 'loading…');
    fetchState(seq);
  }

  function goLive() {
    live = true;
    asked++;
    fetchState.cancel();
    el.classList.remove('travelling');
    liveButton.classList.remove('btn-primary');
    slider.value = String(total);
    setText(seqText, `event ${total} of ${total}`);
    setText(eventText, 'live');
    onLive();
  }

  slider.addEventListener('input', travel);
  return {
    el,
    get live() {
      return live;
    },
    /** The journal's length: the slider's end; while live the thumb stays on the newest event. */
    setTotal(n) {
      total = Math.max(1, n);
      slider.max = String(total);
      if (live) {
        slider.value = String(total);
        setText(seqText, `event ${total} of ${total}`);
        setText(eventText, 'live');
      } else {
        setText(seqText, `event ${slider.value} of ${total}`);
      }
    },
    travelTo: moveTo,
    goLive,
    destroy() {
      fetchState.cancel();
    },
  };
}
