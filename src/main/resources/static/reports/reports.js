// The reports page: logs in with the app's login (any Camunda user; the session then reads the reports API),
// draws the charts with Chart.js and offers each report as CSV. Every address is relative to the page, so the app
// may run under any path.
const $ = (selector) => document.querySelector(selector);
const charts = {};

async function call(url, options = {}) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...(options.headers || {}) };
  return fetch(url, { credentials: 'same-origin', ...options, headers });
}

async function currentUser() {
  const response = await call('../login/session');
  return response.ok ? (await response.json()).userId : null;
}

function range() {
  const form = $('#range');
  return `from=${form.from.value}&to=${form.to.value}`;
}

async function report(path) {
  const response = await call(`../api/reports/${path}${path.includes('?') ? '&' : '?'}${range()}`);
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.detail + (body.errors ? ': ' + body.errors.map((e) => `${e.field} ${e.message}`).join('; ') : ''));
  }
  return body;
}

function chart(id, config) {
  charts[id]?.destroy();
  charts[id] = new Chart($(`#${id}`), { ...config, options: { responsive: true, animation: false, ...(config.options || {}) } });
}

function table(id, report, columns) {
  const cell = (value) => (value === null || value === undefined ? '' : String(value)).replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  $(`#${id}`).innerHTML = `<thead><tr>${columns.map(([, label]) => `<th>${label}</th>`).join('')}</tr></thead><tbody>`
    + (report.rows.length === 0 ? `<tr><td colspan="${columns.length}">Nothing in this range.</td></tr>`
      : report.rows.map((row) => `<tr>${columns.map(([key]) => `<td>${cell(row[key])}</td>`).join('')}</tr>`).join(''))
    + '</tbody>';
}

async function draw() {
  $('#range-error').textContent = '';
  try {
    const [funnel, campaigns, sla, rejections, delays, rules] = await Promise.all([
      report('funnel?groupBy=none'), report('funnel?groupBy=campaign'), report('sla?groupBy=month'),
      report('rejections?groupBy=none'), report('delays?groupBy=team'), report('mql-rules?groupBy=none')]);
    const total = funnel.rows[0] || {};
    const stages = [['captured', 'Captured'], ['mql', 'MQL'], ['sal', 'Accepted (SAL)'], ['sql', 'SQL'], ['opportunity', 'Opportunity'], ['won', 'Won']];
    chart('chart-funnel', { type: 'bar', data: { labels: stages.map(([, label]) => label),
      datasets: [{ label: 'Leads', data: stages.map(([key]) => total[key] || 0), backgroundColor: '#1f5fbf' }] },
      options: { indexAxis: 'y' } });
    chart('chart-campaigns', { type: 'bar', data: { labels: campaigns.rows.map((r) => r.group), datasets: [
      { label: 'MQL accepted by sales %', data: campaigns.rows.map((r) => r.mqlToSalPct), backgroundColor: '#2a9d8f' },
      { label: 'Captured to won %', data: campaigns.rows.map((r) => r.capturedToWonPct), backgroundColor: '#e9c46a' }] },
      options: { scales: { y: { min: 0, max: 100 } } } });
    const months = [...new Set(sla.rows.map((r) => r.group))];
    chart('chart-sla', { type: 'line', data: { labels: months, datasets: [...new Set(sla.rows.map((r) => r.sla))].map((name, i) => ({
      label: `${name} within SLA %`, borderColor: ['#1f5fbf', '#e76f51'][i % 2],
      data: months.map((m) => sla.rows.find((r) => r.group === m && r.sla === name)?.compliancePct ?? null) })) },
      options: { scales: { y: { min: 0, max: 100 } } } });
    chart('chart-rejections', { type: 'doughnut', data: { labels: rejections.rows.map((r) => r.reason),
      datasets: [{ data: rejections.rows.map((r) => r.rejections),
        backgroundColor: ['#264653', '#2a9d8f', '#e9c46a', '#f4a261', '#e76f51', '#8ab17d', '#6d597a', '#b56576', '#355070', '#999'] }] } });
    table('table-delays', delays, [['group', 'Team'], ['assignedLeads', 'Assigned'], ['systemMedianHours', 'System median h'],
      ['systemP90Hours', 'System p90 h'], ['contactedLeads', 'Contacted'], ['repMedianHours', 'Rep median h'], ['repP90Hours', 'Rep p90 h'],
      ['systemSharePct', 'System share %']]);
    table('table-rules', rules, [['rule', 'Rule'], ['ruleDescription', 'What it says'], ['mql', 'MQL'], ['accepted', 'Accepted'],
      ['rejected', 'Rejected'], ['rejectionRatePct', 'Rejected %']]);
    document.body.dataset.drawn = 'true';
  } catch (error) {
    $('#range-error').textContent = error.message;
  }
}

async function show(user) {
  $('#login').hidden = !!user;
  $('#reports').hidden = !user;
  $('#logout').hidden = !user;
  $('#who').textContent = user ? `Logged in as ${user}` : '';
  if (user) {
    await draw();
  }
}

$('#login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const response = await call('../login', { method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(new FormData(form)) }); // username and password
  $('#login-error').textContent = response.ok ? ''
    : response.status === 429 ? `Too many failed logins from here: try again in ${response.headers.get('Retry-After')} seconds.`
      : 'User or password is wrong.';
  if (response.ok) {
    await show(await currentUser());
  }
});

$('#logout').addEventListener('click', async () => {
  await call('../logout', { method: 'POST' });
  await show(null);
});

$('#range').addEventListener('submit', (event) => {
  event.preventDefault();
  draw();
});

document.querySelectorAll('a[data-csv]').forEach((link) => link.addEventListener('click', async () => {
  const [path, query] = link.dataset.csv.split('?');
  const response = await call(`../api/reports/${path}?${query}&${range()}`, { headers: { Accept: 'text/csv' } });
  const url = URL.createObjectURL(await response.blob());
  Object.assign(document.createElement('a'), { href: url, download: `${path}-${$('#range').from.value}-${$('#range').to.value}.csv` }).click();
  URL.revokeObjectURL(url);
}));

const today = new Date();
$('#range').to.value = today.toISOString().slice(0, 10);
$('#range').from.value = new Date(today.getTime() - 89 * 86400000).toISOString().slice(0, 10);
const params = new URLSearchParams(window.location.search); // a shared link keeps its range
['from', 'to'].forEach((name) => { if (params.get(name)) $('#range')[name].value = params.get(name); });
currentUser().then(show);
