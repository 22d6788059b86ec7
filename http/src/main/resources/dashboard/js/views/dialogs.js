// The two swarm-wide commands. The kill switch flattens every position, so it sits behind a dialog that needs the
// word HALT typed out and a reason (kept in the audit trail with the token's name); a misclick cannot fire it.
import { h } from '../dom.js';

const CONFIRM_WORD = 'HALT';

export function killSwitchDialog({ api, store, toasts }) {
  const reason = h('input', { type: 'text', maxlength: 200, autocomplete: 'off', testid: 'kill-reason',
    placeholder: 'e.g. venue outage, runaway losses' });
  const confirm = h('input', { type: 'text', autocomplete: 'off', spellcheck: false, testid: 'kill-confirm-text',
    placeholder: CONFIRM_WORD });
  const submit = h('button', { type: 'submit', class: 'btn btn-danger', disabled: true, testid: 'kill-submit' },
    'Halt the swarm');
  const cancel = h('button', { type: 'button', class: 'btn', testid: 'kill-cancel', onclick: () => dialog.close() },
    'Cancel');
  const ready = () => confirm.value.trim() === CONFIRM_WORD && reason.value.trim() !== '';
  const sync = () => {
    submit.disabled = !ready();
  };
  reason.addEventListener('input', sync);
  confirm.addEventListener('input', sync);

  const form = h('form', { method: 'dialog', onsubmit: async (e) => {
    e.preventDefault();
    if (!ready()) return;
    submit.disabled = true;
    submit.textContent = 'Halting…';
    try {
      const answer = await api.post('/api/kill-switch', { reason: reason.value.trim() });
      dialog.close();
      toasts.ok(`Swarm ${answer.tradingState}`, answer.effect);
      await store.loadAll();
    } catch (err) {
      toasts.error(err, 'Kill switch');
    } finally {
      submit.textContent = 'Halt the swarm';
      sync();
    }
  } },
  h('h2', { class: 'dialog-title danger' }, 'Kill switch'),
  h('p', {}, 'Every bot cancels its open orders, flattens its positions at the last price and stops trading. ',
    'Nothing trades again until an admin resumes the swarm.'),
  h('label', {}, 'Reason (kept in the audit trail)', reason),
  h('label', {}, `Type ${CONFIRM_WORD} to confirm`, confirm),
  h('div', { class: 'dialog-actions' }, cancel, submit));

  const dialog = h('dialog', { class: 'dialog', testid: 'kill-dialog' }, form);
  return {
    el: dialog,
    open() {
      reason.value = '';
      confirm.value = '';
      sync();
      dialog.showModal();
      reason.focus();
    },
  };
}

export function resumeSwarmDialog({ api, store, toasts }) {
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'resume-swarm-submit' },
    'Resume trading');
  const form = h('form', { method: 'dialog', onsubmit: async (e) => {
    e.preventDefault();
    submit.disabled = true;
    try {
      const answer = await api.post('/api/swarm/resume');
      dialog.close();
      toasts.ok(`Swarm ${answer.tradingState}`, 'Trading resumed.');
      await store.loadAll();
    } catch (err) {
      toasts.error(err, 'Resume swarm');
    } finally {
      submit.disabled = false;
    }
  } },
  h('h2', { class: 'dialog-title' }, 'Resume the swarm'),
  h('p', {}, 'The swarm returns to ACTIVE after the breaker or the kill switch, and its halted bots trade again. ',
    'Check why it stopped first: the risk limits will trip again on the same losses.'),
  h('div', { class: 'dialog-actions' },
    h('button', { type: 'button', class: 'btn', onclick: () => dialog.close() }, 'Cancel'), submit));
  const dialog = h('dialog', { class: 'dialog', testid: 'resume-swarm-dialog' }, form);
  return { el: dialog, open: () => dialog.showModal() };
}
