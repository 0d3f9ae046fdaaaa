// The admin page: plain DOM and fetch against wafleet's own JSON API, with the key the operator types in.
'use strict';

const state = { key: sessionStorage.getItem('wafleet.key') || '', account: null, qrUntil: 0, loggingIn: false, sandbox: false };
const $ = id => document.getElementById(id);

async function api(method, path, body) {
  const headers = {};
  if (state.key) headers.Authorization = 'Bearer ' + state.key;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const envelope = await response.json().catch(() => ({ message: response.status + ' ' + response.statusText }));
  if (!response.ok) throw new Error(envelope.message || 'HTTP ' + response.status);
  return envelope.results;
}

function notice(text, ok) {
  $('notice').textContent = text;
  $('notice').className = ok ? 'ok' : '';
}

function attempt(action) {
  return async event => {
    if (event) event.preventDefault();
    try {
      await action();
    } catch (error) {
      notice(error.message, false);
    }
  };
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text == null ? '' : text;
  if (className) td.className = className;
  return td;
}

function button(parent, label, onClick) {
  const b = document.createElement('button');
  b.textContent = label;
  b.addEventListener('click', attempt(onClick));
  parent.appendChild(b);
  return b;
}

async function refreshAccounts() {
  const accounts = await api('GET', '/accounts');
  const body = $('accounts').tBodies[0];
  body.replaceChildren();
  for (const account of accounts) {
    const row = body.insertRow();
    row.dataset.account = account.id;
    cell(row, account.id);
    cell(row, account.status, 'status status-' + account.status);
    cell(row, account.phone_number);
    cell(row, account.owner);
    cell(row, account.last_connected ? new Date(account.last_connected).toLocaleString() : '');
    const actions = cell(row, '');
    button(actions, 'Open', () => openAccount(account.id));
    button(actions, 'Delete', async () => {
      if (!confirm('Delete ' + account.id + ' with its session, webhook and data?')) return;
      await api('DELETE', '/accounts/' + encodeURIComponent(account.id));
      if (state.account === account.id) closeAccount();
      notice('account ' + account.id + ' deleted', true);
    });
    if (account.id === state.account) showStatus(account.status);
  }
}

function showStatus(status) {
  $('panel-status').textContent = status;
  $('panel-status').className = 'status status-' + status;
  if (status === 'logged_in' && state.loggingIn) {
    state.loggingIn = false;
    $('qr-box').hidden = true;
    $('pair-code').textContent = '';
    notice(state.account + ' is logged in', true);
  }
}

async function openAccount(id) {
  state.account = id;
  state.loggingIn = false;
  $('account-panel').hidden = false;
  $('panel-account').textContent = id;
  $('qr-box').hidden = true;
  $('pair-code').textContent = '';
  $('sandbox-scan').hidden = true;
  await Promise.all([showWebhook(), refreshDeliveries()]);
}

function closeAccount() {
  state.account = null;
  $('account-panel').hidden = true;
}

function accountPath(suffix) {
  return '/accounts/' + encodeURIComponent(state.account) + suffix;
}

async function qrLogin() {
  const login = await api('POST', accountPath('/login'));
  state.loggingIn = true;
  state.qrUntil = Date.now() + login.qr_duration * 1000;
  $('qr-image').src = login.qr_link;
  $('qr-expiry').textContent = 'valid for ' + login.qr_duration + ' s';
  $('qr-box').hidden = false;
  $('sandbox-scan').hidden = !state.sandbox;
  notice('scan the QR code with WhatsApp: Linked devices, Link a device', true);
}

/** Shows how long the QR code is valid, and asks for a new one when it expires before it is scanned. */
async function tickQr() {
  if (!state.loggingIn || $('qr-box').hidden) return;
  const left = Math.round((state.qrUntil - Date.now()) / 1000);
  if (left > 0) {
    $('qr-expiry').textContent = 'valid for ' + left + ' s';
  } else {
    await qrLogin();
  }
}

async function codeLogin() {
  const login = await api('POST', accountPath('/login-with-code'), { phone_number: $('code-phone').value });
  state.loggingIn = true;
  $('qr-box').hidden = true;
  $('pair-code').textContent = login.pair_code;
  $('sandbox-scan').hidden = !state.sandbox;
  notice('enter the code on the phone: Linked devices, Link with phone number', true);
}

async function showWebhook() {
  const webhook = await api('GET', accountPath('/webhook'));
  $('webhook-url').value = webhook.webhook_url || '';
  $('webhook-events').value = (webhook.events || []).join(',');
  $('webhook-current').textContent = webhook.webhook_url
    ? 'delivering to ' + webhook.webhook_url + (webhook.secret_set ? ', signed with its secret' : '')
    : 'no webhook of its own';
}

async function saveWebhook() {
  const body = { webhook_url: $('webhook-url').value, secret: $('webhook-secret').value };
  const events = $('webhook-events').value.split(',').map(e => e.trim()).filter(e => e);
  if (events.length) body.events = events;
  await api('POST', accountPath('/webhook'), body);
  $('webhook-secret').value = '';
  notice('webhook saved', true);
  await showWebhook();
}

async function refreshDeliveries() {
  const page = await api('GET', accountPath('/webhook/deliveries?page=0&size=20'));
  const body = $('deliveries').tBodies[0];
  body.replaceChildren();
  for (const delivery of page.items) {
    const row = body.insertRow();
    cell(row, delivery.event_id);
    cell(row, delivery.event);
    cell(row, delivery.outcome, 'outcome-' + delivery.outcome);
    cell(row, delivery.attempts);
    cell(row, delivery.last_error);
    button(cell(row, ''), 'Redeliver', async () => {
      await api('POST', accountPath('/webhook/deliveries/' + encodeURIComponent(delivery.event_id) + '/redeliver'));
      notice('event ' + delivery.event_id + ' queued for redelivery', true);
    });
  }
}

async function tick() {
  try {
    await refreshAccounts();
    if (state.account) await refreshDeliveries();
    await tickQr();
  } catch (error) {
    notice(error.message, false);
  }
}

async function detectSandbox() {
  state.sandbox = await api('GET', '/sandbox/stats').then(() => true, () => false);
}

document.addEventListener('DOMContentLoaded', () => {
  $('api-key').value = state.key;
  $('key-form').addEventListener('submit', attempt(async () => {
    state.key = $('api-key').value.trim();
    sessionStorage.setItem('wafleet.key', state.key);
    await detectSandbox();
    await tick();
    notice('key in use for this tab', true);
  }));
  $('create-form').addEventListener('submit', attempt(async () => {
    const account = await api('POST', '/accounts', { account_id: $('new-account').value.trim() });
    $('new-account').value = '';
    notice('account ' + account.id + ' created', true);
    await refreshAccounts();
    await openAccount(account.id);
  }));
  $('qr-login').addEventListener('click', attempt(qrLogin));
  $('code-form').addEventListener('submit', attempt(codeLogin));
  $('sandbox-scan').addEventListener('click', attempt(async () => {
    await api('POST', '/sandbox/accounts/' + encodeURIComponent(state.account) + '/scan');
    notice('the sandbox phone confirmed the login', true);
  }));
  $('logout').addEventListener('click', attempt(async () => {
    await api('POST', accountPath('/logout'));
    notice(state.account + ' logged out', true);
  }));
  $('webhook-form').addEventListener('submit', attempt(saveWebhook));
  detectSandbox().then(tick);
  setInterval(tick, 2000);
});
