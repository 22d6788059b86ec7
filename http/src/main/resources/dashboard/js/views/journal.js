// How one journal event of a bot reads in a list: its market time and a one-line summary. Kept apart from the
// views because the event history and the time-travel bar both describe events. AMM bots' events have no market
// time (they happen at blocks, which their summaries name) and carry token amounts in smallest units.
import { marketTime, money, price, quantity, signedMoney, tokens, wei } from '../format.js';

const lower = (v) => String(v ?? '').toLowerCase();

/** The market time an event refers to, when it has one (bars, orders, fills, trades), else null. */
export function eventMarketTime(type, e) {
  switch (type) {
    case 'MarketObserved':
    case 'StopTriggered':
    case 'EntryRefused':
      return e.timeMs;
    case 'OrderPlaced':
      return e.order && e.order.placedAtMs;
    case 'OrderFilled':
      return e.fill && e.fill.timeMs;
    case 'TradeClosed':
      return e.trade && e.trade.exitTimeMs;
    case 'PositionProtected':
      return e.guard && e.guard.openedAtMs;
    default:
      return null;
  }
}

/** `decimals`: an AMM bot's tokens' decimals by symbol, to show its amounts in whole tokens. */
export function eventSummary(type, e, decimals = {}, nativeSymbol = 'ETH') {
  e = e ?? {};
  const amount = (units, token) => tokens(units, decimals[token], token);
  switch (type) {
    case 'AmmBotConfigured':
      return `${e.chain} · ${(e.routes ?? []).map((r) => `${r.home}/${r.other} on ${r.dexes.join('+')}`).join('; ')}`;
    case 'RulesChanged':
      return `min profit ${money(e.rules.minProfitUsd)} USD · profit ≥ ${e.rules.gasMultiple}× gas`;
    case 'AccountSynced':
      return `nonce ${e.nonce} · block ${e.block} · `
        + Object.entries(e.balances ?? {}).map(([t, units]) => amount(units, t)).join(', ');
    case 'BudgetAllocated':
      return `+${money(e.usd)} USD (transfer ${e.transferSeq})`;
    case 'BudgetReleased':
      return `−${money(e.usd)} USD (transfer ${e.transferSeq})`;
    case 'SwapSigned':
      return `${e.leg} #${e.arbId} on ${e.dex}: ${amount(e.amountIn, e.tokenIn)} → ≥ `
        + `${amount(e.amountOutMin, e.tokenOut)} · nonce ${e.nonce}`;
    case 'SwapMined':
      return `${e.leg} #${e.arbId} mined in block ${e.block}: ${amount(e.amountIn, e.tokenIn)} → `
        + `${amount(e.amountOut, e.tokenOut)} · gas ${wei(e.gasCostWei, nativeSymbol)}`;
    case 'SwapReverted':
      return `${e.leg} #${e.arbId} reverted in block ${e.block}: ${e.reason} · gas ${wei(e.gasCostWei, nativeSymbol)}`;
    case 'SwapRefused':
      return `${e.leg} #${e.arbId} refused, nonce ${e.nonce} unused: ${e.reason}`;
    case 'ArbitrageSkipped':
      return `block ${e.block}: ${e.reason}`;
    case 'BotConfigured':
      return e.config ? `${e.config.strategy} · ${e.config.instrument} · ${lower(e.config.side)}` : '';
    case 'ParametersChanged':
      return Object.entries(e.parameters ?? {}).map(([k, v]) => `${k}=${v}`).join(' ');
    case 'CapitalAllocated':
      return `+${money(e.amount)} (transfer ${e.transferSeq})`;
    case 'CapitalReleased':
      return `−${money(e.amount)} (transfer ${e.transferSeq})`;
    case 'MarketObserved':
      return `${e.instrument} close ${price(e.close)}${e.guard ? ' · guarded' : ''}`;
    case 'OrderPlaced':
      return `${lower(e.order.action)} ${quantity(e.order.quantity)} ${e.order.instrument} · ${lower(e.order.reason)}`;
    case 'OrderFilled':
      return `${lower(e.fill.action)} ${quantity(e.fill.quantity)} @ ${price(e.fill.price)} · fee ${money(e.fill.fee)}`;
    case 'OrderCancelled':
      return `${e.orderId}: ${e.reason}`;
    case 'PositionProtected':
      return `stop ${price(e.guard.stopPrice)} · target ${price(e.guard.takeProfitPrice)} · liquidation ${price(e.guard.liquidationPrice)}`;
    case 'StopTriggered':
      return `${e.kind} at ${price(e.level)}`;
    case 'TradeClosed':
      return `${lower(e.trade.side)} ${quantity(e.trade.quantity)} · ${price(e.trade.entryPrice)} → ${price(e.trade.exitPrice)} · P&L ${signedMoney(e.trade.pnl)} · ${e.trade.exitReason}`;
    case 'EntryRefused':
      return e.reason;
    case 'BotHalted':
      return e.reason;
    case 'BotRetired':
      return `released ${money(e.released ?? e.releasedUsd)}`;
    case 'BotPaused':
    case 'BotResumed':
      return '';
    default: {
      const text = JSON.stringify(e);
      return text.length > 120 ? `${text.slice(0, 117)}…` : text;
    }
  }
}

/** "#42 OrderFilled · 2013-11-25 03:15" for a banner or a label. */
export function eventLabel(item) {
  const t = eventMarketTime(item.type, item.event);
  return `#${item.seq} ${item.type}${t ? ` · ${marketTime(t)}` : ''}`;
}
