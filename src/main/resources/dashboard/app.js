// AppealDesk dashboard: the table of open appeals, an appeal's page and the charts (/app/api/*, see the contract).
// No framework, no build step; every piece of data reaches the page through textContent or an attribute.
'use strict';

const API = '/app/api';
const SVGNS = 'http://www.w3.org/2000/svg';
const SORT_KEYS = ['answerDueAt', 'number', 'source', 'category', 'department', 'executor', 'status', 'receivedAt'];
const FILTERS = ['status', 'department', 'executor', 'source'];
const SIZES = [25, 50, 100];
const DEFAULT_SORT = 'answerDueAt';
const ROLE_LABELS = {
  EXECUTOR: 'исполнитель', COORDINATOR: 'координатор', MODERATOR: 'модератор', DEPUTY_HEAD: 'заместитель главы',
  HEAD: 'глава', CURATOR: 'куратор', ADMIN: 'администратор',
};
const SCOPE_NOTES = { ALL: 'Все открытые обращения', DEPARTMENTS: 'Обращения ваших отделов', OWN: 'Ваши обращения' };
const MESSAGES = {
  401: 'Сеанс истёк — откройте панель заново командой /dashboard в боте',
  403: 'Нет доступа',
  404: 'Не найдено',
  0: 'Нет связи с сервером, повторите позже',
  other: 'Ошибка сервера, повторите позже',
};
const KIND_LABELS = { PHOTO: 'фото', DOCUMENT: 'документ', VIDEO: 'видео' };

const state = {
  me: null, options: null, offset: 0, view: null, query: null, table: null, charts: null,
  controller: null, seq: 0, ended: false, lastTableHash: '#/', tableScroll: 0, openedId: null,
};

const $ = (id) => document.getElementById(id);

/* ---------- small helpers ---------- */

const store = {
  get(k) { try { return sessionStorage.getItem(k); } catch (e) { return null; } },
  set(k, v) { try { sessionStorage.setItem(k, v); } catch (e) { /* storage may be disabled in a webview */ } },
  remove(k) { try { sessionStorage.removeItem(k); } catch (e) { /* ignore */ } },
};

function build(make, tag, props, kids) {
  const e = make(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v == null || v === false) continue;
    if (k === 'class') e.setAttribute('class', v);
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of kids.flat(Infinity)) if (c != null && c !== false) e.append(c);
  return e;
}
const el = (tag, props, ...kids) => build((t) => document.createElement(t), tag, props, kids);
const svg = (tag, props, ...kids) => build((t) => document.createElementNS(SVGNS, t), tag, props, kids);

/** http(s) or same-origin address, or null (never javascript: and the like). */
function safeUrl(u) {
  if (typeof u !== 'string' || !u) return null;
  try {
    const url = new URL(u, location.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch (e) { return null; }
}

function debounce(fn, ms) {
  let t = 0;
  const d = (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); };
  d.cancel = () => clearTimeout(t);
  return d;
}

/* ---------- time ---------- */

let dateFormat = null;
function setZone(zone) {
  const opts = { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  try { dateFormat = new Intl.DateTimeFormat('ru-RU', { ...opts, timeZone: zone || undefined }); } catch (e) {
    dateFormat = new Intl.DateTimeFormat('ru-RU', opts);
  }
}
setZone(null);

function setNow(iso) {
  const t = Date.parse(iso);
  if (!Number.isNaN(t)) state.offset = t - Date.now();
}
const nowMs = () => Date.now() + state.offset;

/** ДД.ММ.ГГГГ ЧЧ:ММ in the organisation's zone. */
function fmtTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const p = {};
  for (const part of dateFormat.formatToParts(d)) p[part.type] = part.value;
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}
/** A plain date (2026-02-01) or an instant. */
function fmtDate(s, short) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || '');
  if (!m) return fmtTime(s);
  return short ? `${m[3]}.${m[2]}` : `${m[3]}.${m[2]}.${m[1]}`;
}

function spanText(sec) {
  const min = Math.floor(Math.abs(sec) / 60);
  const d = Math.floor(min / 1440), h = Math.floor((min % 1440) / 60), m = min % 60;
  if (d) return `${d} д ${h} ч`;
  if (h) return `${h} ч ${m} мин`;
  return m ? `${m} мин` : 'менее 1 мин';
}
function urgencyOf(sec) {
  if (sec < 0) return 'OVERDUE';
  if (sec < 4 * 3600) return 'UNDER_4H';
  if (sec < 24 * 3600) return 'UNDER_24H';
  return 'OK';
}

/** A span showing the time left to `due`, coloured by urgency; re-rendered every 30 s by tick(). */
function urgencySpan(due, seconds, urgency, long) {
  const s = el('span', { class: 'urg', 'data-due': due || '', 'data-long': long ? '1' : null });
  paintUrgency(s, seconds, urgency);
  return s;
}
function paintUrgency(s, seconds, urgency) {
  if (!s.dataset.due && seconds == null) { s.textContent = '—'; return; }
  const sec = seconds != null ? seconds : Math.round((Date.parse(s.dataset.due) - nowMs()) / 1000);
  const u = urgency || urgencyOf(sec);
  s.className = 'urg urg-' + u.toLowerCase().replace('_', '-');
  s.dataset.urgency = u;
  const row = s.closest('tr.appeal-row');
  if (row) row.dataset.urgency = u;
  const long = s.dataset.long === '1';
  s.textContent = sec < 0 ? 'просрочено ' + spanText(sec) : (long ? 'осталось ' : '') + spanText(sec);
}
function tick() {
  for (const s of document.querySelectorAll('.urg[data-due]')) {
    if (s.dataset.due) paintUrgency(s, null, null);
  }
}

/* ---------- API ---------- */

class ApiError extends Error {
  constructor(status) { super('HTTP ' + status); this.status = status; }
}

/** The CSRF token the service keeps in the XSRF-TOKEN cookie; a change (POST) sends it back as a header. */
function csrfToken() {
  const c = document.cookie.split('; ').find((p) => p.startsWith('XSRF-TOKEN='));
  return c ? decodeURIComponent(c.slice('XSRF-TOKEN='.length)) : '';
}

async function api(path, { method = 'GET', signal, headers: extra } = {}) {
  const headers = Object.assign({ Accept: 'application/json' }, extra);
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken();
  let res;
  try {
    res = await fetch(API + path, { method, headers, signal, credentials: 'same-origin', cache: 'no-store' });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(0);
  }
  if (!res.ok) throw new ApiError(res.status);
  if (res.status === 204) return null;
  return res.json();
}
const errorText = (e) => MESSAGES[e && e.status] || MESSAGES.other;

/* ---------- status region, views, loading ---------- */

function say(text, isError) {
  const s = $('status');
  s.textContent = text || '';
  s.classList.toggle('status-error', !!isError);
}

function showView(name) {
  state.view = name;
  for (const v of ['table', 'appeal', 'charts', 'message']) $('view-' + v).hidden = v !== name;
  const current = { 'nav-table': name === 'table' || name === 'appeal', 'nav-charts': name === 'charts' };
  for (const [id, on] of Object.entries(current)) {
    if (on) $(id).setAttribute('aria-current', 'page'); else $(id).removeAttribute('aria-current');
  }
}

/** Starts a load: aborts the previous one, clears the ready flag. Returns a token to check freshness with. */
function begin(quiet) {
  if (state.controller) state.controller.abort();
  state.controller = new AbortController();
  state.loading = true;
  unready();
  if (!quiet) say('Загрузка…');
  return { seq: ++state.seq, signal: state.controller.signal };
}
const fresh = (token) => token.seq === state.seq && !state.ended;
function ready(kind) { state.loading = false; document.body.dataset.ready = kind; }
/** A load is coming: the ready flag goes at once (not only when the hashchange event arrives). */
function unready() { delete document.body.dataset.ready; }

/** A failed load: 401 ends the session view; otherwise the message goes to the status region (and `target`). */
function failed(e, token, kind, target) {
  if (e && e.name === 'AbortError') return;
  if (!fresh(token)) return;
  if (e && e.status === 401) { sessionEnded(MESSAGES[401], kind); return; }
  const text = errorText(e);
  say(text, true);
  if (target) target.replaceChildren(el('p', { class: 'error-box', text }));
  ready(kind);
}

function showMessage(title, text) {
  showView('message');
  $('message-title').textContent = title;
  $('message-text').textContent = text || '';
}

function hideSession() {
  for (const id of ['nav', 'logout', 'me-name', 'me-roles']) $(id).hidden = true;
}

function sessionEnded(text, kind) {
  state.ended = true;
  hideSession();
  showMessage('Сеанс истёк', text);
  say(text, true);
  if (kind) ready(kind);
}

/* ---------- routing ---------- */

function parseHash() {
  const h = location.hash.replace(/^#/, '') || '/';
  const i = h.indexOf('?');
  return { path: i < 0 ? h : h.slice(0, i), qs: i < 0 ? '' : h.slice(i + 1) };
}

function route() {
  if (state.ended) return;
  const { path, qs } = parseHash();
  if (state.view === 'table') state.tableScroll = window.scrollY;
  const m = /^\/appeal\/(\d+)\/?$/.exec(path);
  if (m) openAppeal(m[1]);
  else if (path === '/charts') openCharts();
  else openTable(qs);
}

function parseQuery(qs) {
  const p = new URLSearchParams(qs);
  const q = { overdue: p.get('overdue') === 'true', q: p.get('q') || '', cluster: /^\d{1,18}$/.test(p.get('cluster') || '') ? p.get('cluster') : '' };
  for (const f of FILTERS) q[f] = p.get(f) || '';
  const sort = p.get('sort') || DEFAULT_SORT;
  q.sort = SORT_KEYS.includes(sort.replace(/^-/, '')) ? sort : DEFAULT_SORT;
  const page = parseInt(p.get('page'), 10);
  q.page = page > 0 ? page : 0;
  const size = parseInt(p.get('size'), 10);
  q.size = SIZES.includes(size) ? size : SIZES[0];
  return q;
}

/** The table's query string; the hash omits defaults, the API call carries everything. */
function queryString(q, full) {
  const p = new URLSearchParams();
  for (const f of FILTERS) if (q[f]) p.set(f, q[f]);
  if (q.overdue) p.set('overdue', 'true');
  if (q.q.trim()) p.set('q', q.q.trim());
  if (q.cluster) p.set('cluster', q.cluster);
  if (full || q.sort !== DEFAULT_SORT) p.set('sort', q.sort);
  if (full || q.page) p.set('page', String(q.page));
  if (full || q.size !== SIZES[0]) p.set('size', String(q.size));
  return p.toString();
}

function navigateTable(q, replace) {
  const qs = queryString(q, false);
  const hash = '#/' + (qs ? '?' + qs : '');
  unready();
  if (replace || hash === location.hash) {
    history.replaceState(null, '', hash);
    route();
  } else {
    location.hash = hash;
  }
}

/* ---------- table ---------- */

function fillSelect(select, items, value, label) {
  const first = select.options[0];
  select.replaceChildren(first, ...items.map((it) => el('option', { value: it[value], text: it[label] })));
}

function fillOptions(o) {
  fillSelect($('f-status'), o.statuses || [], 'code', 'label');
  fillSelect($('f-source'), o.sources || [], 'code', 'label');
  fillSelect($('f-department'), o.departments || [], 'id', 'name');
  fillSelect($('f-executor'), o.executors || [], 'id', 'name');
  $('fw-department').hidden = !(o.departments || []).length;
  $('fw-executor').hidden = !(o.executors || []).length;
}

function setSelect(select, value) {
  if (value && ![...select.options].some((o) => o.value === value)) select.append(el('option', { value, text: value }));
  select.value = value;
}

function syncControls(q) {
  for (const f of FILTERS) setSelect($('f-' + f), q[f]);
  $('f-overdue').checked = q.overdue;
  if (document.activeElement !== $('f-search')) $('f-search').value = q.q;
  $('f-size').value = String(q.size);
  const key = q.sort.replace(/^-/, ''), desc = q.sort.startsWith('-');
  for (const th of $('appeals').tHead.rows[0].cells) {
    const on = th.dataset.sort === key;
    th.setAttribute('aria-sort', on ? (desc ? 'descending' : 'ascending') : 'none');
    th.classList.toggle('sorted', on);
  }
}

function openTable(qs) {
  showView('table');
  document.title = 'Обращения — AppealDesk';
  state.query = parseQuery(qs);
  state.lastTableHash = location.hash && location.hash !== '#' ? location.hash : '#/';
  store.set('adLastTable', state.lastTableHash);
  syncControls(state.query);
  loadTable(false);
}

async function loadTable(quiet) {
  const q = state.query;
  const token = begin(quiet);
  const table = $('appeals');
  if (!quiet) table.setAttribute('aria-busy', 'true');
  try {
    const data = await api('/appeals?' + queryString(q, true), { signal: token.signal });
    if (!fresh(token)) return;
    if (data.now) setNow(data.now);
    if (data.totalPages > 0 && q.page >= data.totalPages) { navigateTable({ ...q, page: data.totalPages - 1 }, true); return; }
    renderTable(data, quiet);
    state.table = data;
    say(quiet ? 'Список обновлён' : `Найдено обращений: ${data.total}`);
    ready('table');
  } catch (e) {
    // a failed quiet reload keeps the rows shown; a failed load shows none
    if (!quiet && fresh(token) && e.name !== 'AbortError') {
      renderTable({ items: [], page: q.page, total: 0, totalPages: 0 }, false);
      $('empty').hidden = true;
    }
    failed(e, token, 'table', null);
  } finally {
    if (fresh(token)) table.removeAttribute('aria-busy');
  }
}

const COLUMNS = [
  ['Номер', (it) => [el('a', { href: '#/appeal/' + it.id, tabindex: '-1', class: 'num', text: it.number }),
    it.address ? el('div', { class: 'addr', text: it.address }) : null,
    it.cluster ? el('a', { class: 'chip chip-warn cluster', href: '#/?cluster=' + it.cluster, tabindex: '-1',
      title: 'Повышенная социальная активность: показать все обращения кластера', text: 'Кластер ' + it.cluster }) : null]],
  ['Источник', (it) => it.sourceLabel || it.source],
  ['Категория', (it) => it.categoryLabel || it.category || '—'],
  ['Отдел', (it) => (it.department ? it.department.name : el('span', { class: 'muted', text: 'Не распределено' }))],
  ['Исполнитель', (it) => (it.executor ? it.executor.name : el('span', { class: 'muted', text: 'Не назначен' }))],
  ['Статус', (it) => it.statusLabel || it.status],
  ['Осталось', (it) => urgencySpan(it.answerDueAt, it.secondsLeft, it.urgency, false)],
];

function appealRow(it) {
  const tr = el('tr', { class: 'appeal-row', 'data-id': it.id, tabindex: '0' });
  tr.dataset.urgency = it.urgency || '';
  COLUMNS.forEach(([label, cell], i) => tr.append(el('td', { 'data-label': label, class: 'c' + i }, cell(it))));
  return tr;
}

function renderTable(data, quiet) {
  const table = $('appeals');
  const active = document.activeElement;
  const focusRow = active && active.closest ? active.closest('tr.appeal-row') : null;
  const focusId = focusRow && table.contains(focusRow) ? focusRow.dataset.id : null;
  const focusLink = focusId && active.tagName === 'A';
  const scroll = window.scrollY;

  const tbody = el('tbody', null, (data.items || []).map(appealRow));
  table.replaceChild(tbody, table.tBodies[0]);
  $('empty').hidden = (data.items || []).length > 0;

  const pages = Math.max(1, data.totalPages || 0);
  $('page-no').textContent = String(Math.min((data.page || 0) + 1, pages));
  $('page-count').textContent = String(pages);
  $('total').textContent = String(data.total || 0);
  $('prev').disabled = !(data.page > 0);
  $('next').disabled = !((data.page || 0) + 1 < (data.totalPages || 0));

  const find = (id) => tbody.querySelector(`tr[data-id="${CSS.escape(String(id))}"]`);
  if (focusId && find(focusId)) {
    const row = find(focusId);
    (focusLink ? row.querySelector('a') : row).focus({ preventScroll: true });
  }
  if (quiet) window.scrollTo(window.scrollX, scroll);
  else if (state.openedId != null) {
    // back from an appeal's page: the row it was opened from, where it was
    const row = find(state.openedId);
    state.openedId = null;
    window.scrollTo(0, state.tableScroll);
    if (row) row.focus({ preventScroll: true });
  }
}

function bindTable() {
  const change = (patch, replace) => navigateTable({ ...state.query, ...patch, page: 0 }, replace);
  for (const f of FILTERS) $('f-' + f).addEventListener('change', (e) => change({ [f]: e.target.value }));
  $('f-overdue').addEventListener('change', (e) => change({ overdue: e.target.checked }));
  const searchChanged = () => $('f-search').value.trim() !== state.query.q.trim();
  const search = debounce(() => { if (searchChanged()) change({ q: $('f-search').value }, true); }, 300);
  $('f-search').addEventListener('input', () => {
    if (searchChanged()) unready(); else if (!state.loading) ready('table');
    search();
  });
  $('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    search.cancel();
    change({ q: $('f-search').value }, true);
  });
  $('f-reset').addEventListener('click', () => {
    search.cancel();
    $('f-search').value = '';
    navigateTable({ ...parseQuery(''), sort: state.query.sort, size: state.query.size });
  });
  $('f-size').addEventListener('change', (e) => change({ size: parseInt(e.target.value, 10) }));
  $('prev').addEventListener('click', () => navigateTable({ ...state.query, page: Math.max(0, state.query.page - 1) }));
  $('next').addEventListener('click', () => navigateTable({ ...state.query, page: state.query.page + 1 }));

  $('appeals').tHead.addEventListener('click', (e) => {
    const th = e.target.closest('th[data-sort]');
    if (!th || !e.target.closest('button')) return;
    const key = th.dataset.sort;
    const sort = state.query.sort === key ? '-' + key : key;
    navigateTable({ ...state.query, sort, page: 0 });
  });

  const open = (tr) => {
    state.openedId = tr.dataset.id;
    unready();
    location.hash = '#/appeal/' + tr.dataset.id;
  };
  $('appeals').addEventListener('click', (e) => {
    const tr = e.target.closest('tr.appeal-row');
    if (!tr || e.target.closest('a')) { if (tr) state.openedId = tr.dataset.id; return; }
    if (String(window.getSelection() || '')) return; // selecting text, not opening
    open(tr);
  });
  $('appeals').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target.matches('tr.appeal-row')) { e.preventDefault(); open(e.target); }
  });
}

/** The stamp polling: every 10 s while the tab is visible and the table is shown. */
async function poll() {
  if (state.ended || document.visibilityState !== 'visible' || state.view !== 'table' || !state.table) return;
  if (document.body.dataset.ready !== 'table') return; // a load is under way
  try {
    const s = await api('/stamp');
    if (state.view === 'table' && state.table && s && s.stamp !== state.table.stamp
        && document.body.dataset.ready === 'table') loadTable(true);
  } catch (e) {
    if (e.status === 401) sessionEnded(MESSAGES[401], null);
  }
}

/* ---------- appeal page ---------- */

function facts(rows) {
  return el('dl', { class: 'facts' }, rows.filter(Boolean).map(([k, v]) => el('div', { class: 'fact' },
    el('dt', { text: k }), el('dd', null, v == null || v === '' ? '—' : v))));
}
function section(name, title, ...kids) {
  return el('section', { class: 'card card-' + name }, el('h3', { text: title }), kids);
}

function fileLinks(files) {
  if (!files || !files.length) return null;
  return el('ul', { class: 'files' }, files.map((f, i) => {
    const url = safeUrl(f.url);
    const name = f.name || `Файл ${i + 1}`;
    if (!url) return el('li', { text: name });
    if (f.kind === 'PHOTO') return el('li', null, thumbLink(url, name));
    return el('li', null, el('a', { href: url, download: '', class: 'file' },
      name, el('span', { class: 'muted', text: ` (${KIND_LABELS[f.kind] || 'файл'})` })));
  }));
}

function thumbLink(url, name) {
  const img = el('img', { src: url, alt: '', loading: 'lazy', referrerpolicy: 'no-referrer', class: 'thumb' });
  img.addEventListener('error', () => img.remove());
  return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'thumb-link' },
    img, el('span', { text: name }));
}

function openAppeal(id) {
  showView('appeal');
  state.lastTableHash = store.get('adLastTable') || state.lastTableHash;
  $('back-link').setAttribute('href', state.lastTableHash);
  loadAppeal(id);
}

async function loadAppeal(id) {
  const token = begin(false);
  const box = $('appeal');
  box.replaceChildren(el('p', { class: 'muted', text: 'Загрузка…' }));
  try {
    const a = await api('/appeals/' + encodeURIComponent(id), { signal: token.signal });
    if (!fresh(token)) return;
    renderAppeal(a);
    document.title = `${a.number} — AppealDesk`;
    say(`Обращение ${a.number} загружено`);
    ready('appeal');
    $('appeal-number').focus({ preventScroll: true });
    window.scrollTo(0, 0);
  } catch (e) {
    failed(e, token, 'appeal', box);
  }
}

function renderAppeal(a) {
  const flags = [
    a.priority && a.priority !== 'NORMAL' ? el('span', { class: 'chip chip-warn', text: a.priorityLabel || a.priority }) : null,
    a.fz59 ? el('span', { class: 'chip', text: '59-ФЗ' }) : null,
    a.sociallySignificant ? el('span', { class: 'chip', text: 'Социально значимое' }) : null,
    a.cluster ? el('a', { class: 'chip chip-warn', id: 'appeal-cluster', href: '#/?cluster=' + a.cluster,
      title: 'Повышенная социальная активность: показать все обращения кластера', text: 'Кластер ' + a.cluster }) : null,
  ];
  const head = el('header', { class: 'appeal-head' },
    el('h2', null, el('span', { id: 'appeal-number', tabindex: '-1', text: a.number }),
      ' ', el('span', { class: 'source', text: a.sourceLabel || a.source })),
    el('div', { class: 'badges' },
      el('span', { id: 'appeal-status', class: 'chip chip-status', text: a.statusLabel || a.status }),
      a.status !== 'CLOSED' ? urgencySpan(a.answerDueAt, a.secondsLeft, a.urgency, true) : null,
      flags));

  const about = section('about', 'Сведения', facts([
    ['Категория', a.categoryLabel || a.category],
    ['Отдел', a.department ? a.department.name : 'Не распределено'],
    ['Исполнитель', a.executor ? a.executor.name : 'Не назначен'],
    ['Адрес', a.address],
    ['Заявитель', a.applicantName],
    ['Приоритет', a.priorityLabel || a.priority],
    a.resolutionLabel ? ['Решение', a.resolutionLabel] : null,
    a.cluster ? ['Кластер (повышенная активность)', el('span', { class: 'cluster-appeals' },
      a.clusterAppeals.map((r, i) => [i ? ', ' : '', el('a', { href: '#/appeal/' + r.id, text: '№ ' + r.name })]))] : null,
  ]));
  const dates = section('dates', 'Сроки', facts([
    ['Получено', fmtTime(a.receivedAt)],
    ['Срок ответа', fmtTime(a.answerDueAt)],
    ['Окончательный срок', fmtTime(a.dueAt)],
  ]));
  const photos = (a.photos || []).map(safeUrl).filter(Boolean);
  const text = section('text', 'Текст обращения',
    el('p', { class: 'pre', text: a.text || '—' }),
    photos.length ? el('ul', { class: 'files', 'aria-label': 'Фотографии заявителя' },
      photos.map((u, i) => el('li', null, thumbLink(u, `Фото ${i + 1}`)))) : null);

  const contacts = el('div', { id: 'contacts', class: 'contacts', tabindex: '-1' });
  let contactsButton = null;
  if (a.contactsAllowed) {
    contactsButton = el('button', { id: 'contacts-button', type: 'button', class: 'btn' }, 'Показать контакты');
    contactsButton.addEventListener('click', () => loadContacts(a.id, contactsButton, contacts));
  } else {
    contacts.append(el('p', { class: 'muted', text: 'Контакты заявителя доступны исполнителю и согласующим' }));
  }
  const contactBox = section('contacts', 'Контакты заявителя', contactsButton, contacts);

  const ans = a.answer;
  const answer = section('answer', 'Ответ', ans ? [
    facts([
      ['Вид ответа', ans.typeLabel || ans.type],
      ans.postponedUntil ? ['Отложено до', fmtDate(ans.postponedUntil)] : null,
      ['Подготовлен', fmtTime(ans.submittedAt)],
      ['Автор', ans.submittedBy ? ans.submittedBy.name : null],
    ]),
    ans.text ? el('p', { class: 'pre', text: ans.text }) : null,
    fileLinks(ans.files),
  ] : el('p', { class: 'muted', text: 'Ответ ещё не подготовлен' }));

  const co = a.coExecutors || [];
  const coBox = co.length ? section('co', 'Соисполнители', el('ul', { class: 'plain' }, co.map((c) => el('li', { class: 'co' },
    el('strong', { text: c.staff ? c.staff.name : '—' }),
    el('div', { class: 'muted', text: `срок ${fmtTime(c.dueAt)}; ` +
      (c.deliveredAt ? `материалы представлены ${fmtTime(c.deliveredAt)}` : 'материалы не представлены') }),
    c.materials ? el('p', { class: 'pre', text: c.materials }) : null,
    fileLinks(c.files))))) : null;

  // PRODUCT.md §13.2: stages of the answer late past their own terms — which, whose, by how much
  const late = a.lateStages || [];
  const lateBox = late.length ? section('late-stages', 'Просрочка этапов', el('ul', { class: 'plain' }, late.map((l) =>
    el('li', { class: 'late-stage' },
      el('strong', { text: `${l.stageLabel || l.stage}: ${l.holder ? l.holder.name : '—'}` }),
      el('div', { class: 'muted', text: `срок ${fmtTime(l.term)}, завершён ${fmtTime(l.endedAt)}, `
        + `просрочка ${l.lateMinutes} раб. мин` }))))) : null;

  const history = section('history', 'История', el('ol', { id: 'history', class: 'timeline' }, (a.history || []).map((h) =>
    el('li', { class: 'history-item' },
      el('time', { datetime: h.at || '', class: 'muted', text: fmtTime(h.at) }),
      el('div', { class: 'hist-label' }, el('strong', { text: h.label || h.type }),
        h.statusLabel ? el('span', { class: 'muted', text: ` → ${h.statusLabel}` }) : null),
      el('div', { class: 'muted', text: (h.actor ? h.actor.name : 'Система')
        + (h.executor ? ` · исполнитель: ${h.executor.name}` : '') }),
      h.comment ? el('p', { class: 'pre hist-comment', text: h.comment }) : null))));

  $('appeal').replaceChildren(head, el('div', { class: 'appeal-grid' },
    el('div', { class: 'col' }, about, text, answer, coBox, lateBox),
    el('div', { class: 'col' }, dates, contactBox, history)));
}

async function loadContacts(id, button, box) {
  button.disabled = true;
  say('Загрузка контактов…');
  try {
    const c = await api(`/appeals/${encodeURIComponent(id)}/contacts`);
    const phone = c.phone ? el('a', { href: 'tel:' + String(c.phone).replace(/[^\d+]/g, ''), text: c.phone }) : 'не указан';
    const okMail = c.email && /^[^\s@<>"]+@[^\s@<>"]+$/.test(c.email);
    const mail = c.email ? (okMail ? el('a', { href: 'mailto:' + c.email, text: c.email }) : c.email) : 'не указана';
    box.replaceChildren(facts([['Имя', c.name], ['Телефон', phone], ['Эл. почта', mail]]));
    button.hidden = true;
    box.focus();
    say('Контакты заявителя показаны');
  } catch (e) {
    button.disabled = false;
    if (e.status === 401) { sessionEnded(MESSAGES[401], null); return; }
    const text = errorText(e);
    box.replaceChildren(el('p', { class: 'error-box', text }));
    say(text, true);
  }
}

/* ---------- charts ---------- */

function openCharts() {
  showView('charts');
  document.title = 'Графики — AppealDesk';
  if (!state.me || !state.me.charts) {
    const token = begin(true);
    failed(new ApiError(403), token, 'charts', $('charts'));
    return;
  }
  loadCharts();
}

async function loadCharts() {
  const token = begin(false);
  try {
    const data = await api('/charts', { signal: token.signal });
    if (!fresh(token)) return;
    state.charts = data;
    renderCharts(data);
    say('Графики загружены');
    ready('charts');
  } catch (e) {
    failed(e, token, 'charts', $('charts'));
  }
}

/** A round upper bound and step for an axis from 0 to `v` (at most 6 steps). */
function niceScale(v) {
  if (v <= 5) return { max: Math.max(1, Math.ceil(v)), step: 1 };
  const p = 10 ** Math.floor(Math.log10(v / 6));
  const step = [1, 2, 5, 10].map((k) => k * p).find((s) => v / s <= 6);
  return { max: Math.ceil(v / step) * step, step };
}

function chartSvg(title, width, height) {
  const id = 'svg-title-' + Math.random().toString(36).slice(2, 8);
  return svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': id,
    'aria-label': title, class: 'chart-svg' }, svg('title', { id, text: title }));
}

function dataTable(caption, headers, rows) {
  return el('details', { class: 'data-table' }, el('summary', { text: 'Таблица данных' }),
    el('div', { class: 'table-wrap' }, el('table', null, el('caption', { class: 'visually-hidden', text: caption }),
      el('thead', null, el('tr', null, headers.map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', null, rows.map((r) => el('tr', null,
        r.map((c, i) => el(i ? 'td' : 'th', i ? null : { scope: 'row' }, String(c)))))))));
}

/** A chart's card: heading, legend, the drawing (made by draw(width) once the card is in the page), data table. */
function chartCard(id, heading, legendItems, table, draw) {
  const body = el('div', { class: 'chart-body' });
  const fig = el('figure', { id, class: 'card chart' }, el('figcaption', null, el('h3', { text: heading })),
    legendItems ? el('ul', { class: 'legend' }, legendItems.map(([cls, text]) =>
      el('li', null, el('span', { class: 'swatch ' + cls }), text))) : null,
    body, table);
  body.draw = draw;
  return fig;
}

function drawCharts() {
  for (const body of document.querySelectorAll('#charts .chart-body')) {
    const width = Math.max(260, Math.floor(body.clientWidth));
    body.replaceChildren(body.draw(width));
    // names longer than the drawing are cut with an ellipsis, the whole name stays in the <title>
    for (const t of body.querySelectorAll('text.bar-name')) {
      const full = t.textContent;
      let n = full.length;
      while (n > 4 && t.getComputedTextLength() > width - 4) t.textContent = full.slice(0, --n) + '…';
    }
  }
}

const SERIES = [['received', 'Поступило', 'line-received'], ['closed', 'Закрыто', 'line-closed'],
  ['overdue', 'Просрочено', 'line-overdue']];

function lineChart(days, width) {
  const H = width < 500 ? 220 : 260, L = 40, R = 20, T = 12, B = 40;
  const w = width - L - R, h = H - T - B;
  const s = chartSvg('Поступило, закрыто и просрочено по дням', width, H);
  const { max, step } = niceScale(Math.max(0, ...days.flatMap((d) => SERIES.map(([k]) => d[k] || 0))));
  const x = (i) => L + (days.length > 1 ? (i * w) / (days.length - 1) : w / 2);
  const y = (v) => T + h - (v / max) * h;
  for (let v = 0; v <= max; v += step) {
    s.append(svg('line', { x1: L, x2: L + w, y1: y(v), y2: y(v), class: v ? 'grid' : 'axis' }),
      svg('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick', text: String(v) }));
  }
  // date ticks counted back from the last day, so that today is always labelled
  const every = Math.max(1, Math.ceil(days.length / Math.max(2, Math.floor(w / 56))));
  for (let i = days.length - 1; i >= 0; i -= every) {
    s.append(svg('line', { x1: x(i), x2: x(i), y1: T + h, y2: T + h + 4, class: 'axis' }),
      svg('text', { x: x(i), y: T + h + 17, 'text-anchor': 'middle', class: 'tick', text: fmtDate(days[i].date, true) }));
  }
  s.append(svg('text', { x: L + w / 2, y: H - 4, 'text-anchor': 'middle', class: 'axis-label', text: 'Дата' }),
    svg('text', { x: 12, y: T + h / 2, 'text-anchor': 'middle', class: 'axis-label',
      transform: `rotate(-90 12 ${T + h / 2})`, text: 'Количество' }));
  for (const [key, label, cls] of SERIES) {
    s.append(svg('polyline', { class: 'series ' + cls, points: days.map((d, i) => `${x(i)},${y(d[key] || 0)}`).join(' ') }));
    s.append(svg('g', { class: cls }, days.map((d, i) => svg('circle', { cx: x(i), cy: y(d[key] || 0), r: 2.5, class: 'dot' },
      svg('title', { text: `${fmtDate(d.date)}: ${label.toLowerCase()} ${d[key] || 0}` })))));
  }
  return s;
}

const BAR_PARTS = [['overdueNow', 'bar-overdue', 'просрочено сейчас'], ['late', 'bar-late', 'ответ с нарушением срока']];
const sum = (r) => (r.overdueNow || 0) + (r.late || 0);
const byOverdue = (a, b) => sum(b) - sum(a) || String(a.name).localeCompare(String(b.name), 'ru');

function barChart(items, title, width) {
  const ROW = 46, BAR = 18, R = 36;
  const w = width - R, max = Math.max(...items.map(sum));
  const s = chartSvg(title, width, items.length * ROW);
  items.forEach((r, i) => {
    const top = i * ROW;
    const name = String(r.name || r.id || '—');
    s.append(svg('text', { x: 0, y: top + 13, class: 'bar-name', text: name }, svg('title', { text: name })));
    let x = 0;
    for (const [key, cls, label] of BAR_PARTS) {
      const v = r[key] || 0;
      if (!v) continue;
      const bw = Math.max(2, (v / max) * w);
      s.append(svg('rect', { x, y: top + 19, width: bw, height: BAR, class: cls }, svg('title', { text: `${name}: ${label} ${v}` })));
      if (bw >= 10 + String(v).length * 8) {
        s.append(svg('text', { x: x + bw / 2, y: top + 32, 'text-anchor': 'middle', class: `bar-value ${cls}-text`, text: String(v) }));
      }
      x += bw;
    }
    s.append(svg('text', { x: x + 6, y: top + 32, class: 'bar-total', text: String(sum(r)) }));
  });
  return s;
}

function barCard(id, heading, who, rows) {
  const title = `${heading}: просрочено сейчас и ответ с нарушением срока`;
  const items = rows.filter((r) => sum(r) > 0);
  if (!items.length) return chartCard(id, heading, null, null, () => el('p', { class: 'muted', text: 'Нет просроченных обращений' }));
  return chartCard(id, heading, [['bar-overdue', 'Просрочено сейчас'], ['bar-late', 'Ответ с нарушением срока']],
    dataTable(title, [who, 'Просрочено сейчас', 'С нарушением срока', 'Всего'],
      items.map((r) => [r.name || r.id, r.overdueNow || 0, r.late || 0, sum(r)])),
    (width) => barChart(items, title, width));
}

function renderCharts(d) {
  $('charts-period').textContent = d.from && d.to ? `За период ${fmtDate(d.from)} — ${fmtDate(d.to)}` : '';
  const t = d.total || {};
  const totals = el('dl', { class: 'totals' }, [
    ['Поступило', t.received], ['Ответ в срок', t.onTime], ['С нарушением срока', t.late], ['Просрочено сейчас', t.overdueNow],
  ].map(([k, v], i) => el('div', { class: 'total' + (i === 3 && v ? ' total-bad' : '') },
    el('dt', { text: k }), el('dd', { text: String(v ?? 0) }))));
  const days = d.days || [];
  const daysCard = chartCard('chart-days', 'Поступление и закрытие по дням',
    SERIES.map(([, label, cls]) => [cls, label]),
    dataTable('Поступило, закрыто и просрочено по дням', ['Дата', 'Поступило', 'Закрыто', 'Просрочено'],
      days.map((x) => [fmtDate(x.date), x.received || 0, x.closed || 0, x.overdue || 0])),
    (width) => lineChart(days, width));
  const departments = (d.departments || []).slice().sort(byOverdue);
  const executors = (d.executors || []).slice().sort(byOverdue).slice(0, 15);
  $('charts').replaceChildren(totals, daysCard, el('div', { class: 'chart-pair' },
    barCard('chart-departments', 'Просрочено по отделам', 'Отдел', departments),
    barCard('chart-executors', 'Просрочено по исполнителям (первые 15)', 'Исполнитель', executors)));
  drawCharts();
}

/* ---------- start ---------- */

/**
 * Telegram opened /app/#tgWebAppData=… while a session cookie was there: the Mini App's fresh initData opens a new
 * session, for whoever Telegram says is using it now (the service closes the old one). initData opens one session
 * only: the same address opened again (a reload) is refused with 401 and the session at hand goes on. A Telegram
 * account that is not staff (403) leaves nobody signed in. The hash goes back to the router.
 */
async function takeInitData() {
  if (!location.hash.includes('tgWebAppData=')) return;
  const data = new URLSearchParams(location.hash.slice(1)).get('tgWebAppData');
  history.replaceState(null, '', location.pathname + location.search + '#/');
  if (!data) return;
  try {
    await api('/session', { method: 'POST', headers: { 'X-Telegram-Init-Data': data } });
  } catch (e) {
    if (e.status === 403) {
      try { await api('/logout', { method: 'POST' }); } catch (ignored) { /* the session is closed or gone */ }
    }
  }
}

/**
 * A card in the chat opens /app/?appeal=<id> («Открыть обращение», PRODUCT.md §15): that appeal's page, once; the
 * address goes back to the page's own (a reload or «Назад» then stays in the dashboard).
 */
function takeAppealParam() {
  const id = new URLSearchParams(location.search).get('appeal');
  if (!/^\d{1,18}$/.test(id || '')) return;
  history.replaceState(null, '', location.pathname + '#/appeal/' + id);
}

function renderMe(me) {
  $('me-name').textContent = me.shortName || me.name || '';
  $('me-name').title = me.name || '';
  $('me-roles').textContent = (me.roles || []).map((r) => ROLE_LABELS[r] || r).join(', ');
  $('nav-charts').hidden = !me.charts;
  $('scope-note').textContent = SCOPE_NOTES[me.scope] || '';
}

async function logout() {
  $('logout').disabled = true;
  try {
    await api('/logout', { method: 'POST' });
  } catch (e) {
    if (e.status !== 401) { $('logout').disabled = false; say(errorText(e), true); return; }
  }
  if (state.controller) state.controller.abort();
  state.ended = true;
  store.remove('adLastTable');
  hideSession();
  showMessage('Вы вышли', 'Чтобы вернуться, откройте панель командой /dashboard в боте.');
  say('Вы вышли');
  $('message-title').focus();
}

async function start() {
  await takeInitData();
  takeAppealParam();
  state.lastTableHash = store.get('adLastTable') || '#/';
  bindTable();
  $('logout').addEventListener('click', logout);
  document.addEventListener('click', (e) => {
    const a = e.target.closest && e.target.closest('a[href^="#/"]');
    if (!a || e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
    unready();
    if (a.getAttribute('href') === location.hash) { e.preventDefault(); route(); } // same place: load it again
  }, true);
  const token = begin(false);
  try {
    const [me, options] = await Promise.all([api('/me'), api('/options')]);
    state.me = me;
    state.options = options;
    setZone(me.zone);
    if (me.now) setNow(me.now);
    renderMe(me);
    fillOptions(options);
  } catch (e) {
    failed(e, token, 'table', null);
    if (e.status !== 401) showMessage(errorText(e), 'Обновите страницу чуть позже.');
    return;
  }
  window.addEventListener('hashchange', route);
  route();
  setInterval(poll, 10000);
  setInterval(tick, 30000);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') { tick(); poll(); } });
  window.addEventListener('resize', debounce(() => {
    if (state.view === 'charts' && state.charts) drawCharts();
  }, 200));
}

start();
