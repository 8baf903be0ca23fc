// The team page: a manager's Camunda user and password (kept in this page's memory only, sent with HTTP Basic as the
// API needs for changes) run their team through /api/teams: working time, days off, reps, out of office, hand-over.
const $ = (selector) => document.querySelector(selector);
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const esc = (value) => (value === null || value === undefined ? '' : String(value)).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
let credentials = null;
let current = null;

async function api(path, options = {}) {
  if (options.method) notice('');
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', Authorization: credentials };
  if (options.body) headers['Content-Type'] = 'application/json';
  const response = await fetch(`/api/teams${path}`, { ...options, headers, body: options.body && JSON.stringify(options.body) });
  const body = response.status === 204 || response.headers.get('Content-Length') === '0' ? null : await response.json().catch(() => null);
  return { ok: response.ok, status: response.status, body };
}

function problems(list, result) {
  const body = result.body || {};
  const lines = body.errors ? body.errors.map((e) => `${e.field} ${e.message}`) : [body.detail || `HTTP ${result.status}`];
  $(list).innerHTML = lines.map((line) => `<li>${esc(line)}</li>`).join('');
}

function notice(text) {
  $('#notice').textContent = text;
}

const hoursText = (intervals) => (intervals || []).map((i) => `${i.opens}-${i.closes}`).join(', ');

function hoursInput(form) {
  const week = {};
  DAYS.forEach((day) => {
    const text = form[`hours-${day}`].value.trim();
    if (text) week[day] = text.split(',').map((part) => { const [opens, closes] = part.trim().split('-'); return { opens, closes }; });
  });
  return week;
}

async function load(teamId) {
  const result = await api(`/${encodeURIComponent(teamId)}`);
  if (!result.ok) { notice(result.body?.detail || `HTTP ${result.status}`); return; }
  current = result.body;
  const form = $('#settings');
  form.name.value = current.name;
  form.timeZone.value = current.timeZone;
  form.holidayRegion.value = current.holidayRegion || '';
  $('#hours').innerHTML = DAYS.map((day) => `<tr><th>${day[0]}${day.slice(1, 3).toLowerCase()}</th>`
    + `<td><input name="hours-${day}" aria-label="Hours on ${day}" value="${esc(hoursText(current.workingHours[day]))}"></td></tr>`).join('');
  form.querySelectorAll('input, button').forEach((el) => { el.disabled = !current.manages; });
  $('#days-off').innerHTML = '<thead><tr><th>Date</th><th>Day off</th><th></th></tr></thead><tbody>'
    + current.daysOffAhead.map((d) => `<tr><td>${d.date}</td><td>${esc(d.name)}</td><td>${d.name.endsWith('(company day)') && current.manages
      ? `<button type="button" data-remove-day="${d.date}">Remove</button>` : ''}</td></tr>`).join('') + '</tbody>';
  $('#reps').innerHTML = '<thead><tr><th>Rep</th><th>Active</th><th>Capacity</th><th>Weight</th><th>Time zone</th><th>Out of office</th>'
    + '<th>Open leads</th><th></th></tr></thead><tbody>' + current.reps.map((r) => `<tr data-rep="${esc(r.userId)}" class="${r.active ? '' : 'inactive'}">
      <td>${esc(r.name)}${r.name === r.userId ? '' : ` (${esc(r.userId)})`}</td>
      <td><input type="checkbox" name="active" aria-label="${esc(r.userId)} active" ${r.active ? 'checked' : ''}></td>
      <td><input type="number" name="capacity" aria-label="${esc(r.userId)} capacity" value="${r.capacity ?? ''}" placeholder="default"></td>
      <td><input type="number" name="weight" aria-label="${esc(r.userId)} weight" value="${r.weight}"></td>
      <td><input class="zone" name="timeZone" aria-label="${esc(r.userId)} time zone" value="${esc(r.timeZone || '')}" placeholder="the team's"></td>
      <td>${r.absences.map((a) => `${a.starts} to ${a.ends || 'further notice'}${a.note ? ` (${esc(a.note)})` : ''}`).join('<br>')}</td>
      <td>${r.openLeads}</td>
      <td><button type="button" data-save-rep>Save</button> <button type="button" data-hand-over ${r.openLeads ? '' : 'disabled'}>Hand over</button></td>
    </tr>`).join('') + '</tbody>';
  $('#reps').querySelectorAll('input, button[data-save-rep]').forEach((el) => { el.disabled = !current.manages; });
  $('#absence-rep').innerHTML = current.reps.map((r) => `<option value="${esc(r.userId)}">${esc(r.name)}</option>`).join('');
  const audit = current.manages ? await api(`/${encodeURIComponent(teamId)}/audit?limit=20`) : { body: [] };
  $('#audit').innerHTML = '<thead><tr><th>When (UTC)</th><th>Who</th><th>What</th><th>Details</th></tr></thead><tbody>'
    + (audit.body || []).map((c) => `<tr><td>${esc(c.changedAt.slice(0, 16).replace('T', ' '))}</td><td>${esc(c.changedBy)}</td>`
      + `<td>${esc(c.change)}</td><td>${esc(c.details)}</td></tr>`).join('') + '</tbody>';
  document.body.dataset.loaded = teamId;
}

const teamPath = (suffix = '') => `/${encodeURIComponent(current.id)}${suffix}`;

$('#settings').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const result = await api(teamPath(), { method: 'PUT', body: { name: form.name.value, timeZone: form.timeZone.value,
    holidayRegion: form.holidayRegion.value, workingHours: hoursInput(form), managers: current.managers } });
  $('#settings-errors').innerHTML = '';
  if (!result.ok) { problems('#settings-errors', result); return; }
  await load(current.id);
  notice(`Working time saved; ${result.body.clocksRecounted} running SLA clock(s) counted again.`);
});

$('#company-day').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const result = await api(teamPath('/company-days'), { method: 'POST', body: { date: form.date.value, name: form.name.value } });
  $('#company-day-errors').innerHTML = '';
  if (!result.ok) { problems('#company-day-errors', result); return; }
  form.reset();
  await load(current.id);
  notice(`Company day added; ${result.body.clocksRecounted} running SLA clock(s) counted again.`);
});

$('#days-off').addEventListener('click', async (event) => {
  const day = event.target.dataset.removeDay;
  if (!day) return;
  const result = await api(teamPath(`/company-days/${day}`), { method: 'DELETE' });
  await load(current.id);
  notice(result.ok ? `Company day ${day} removed.` : result.body?.detail);
});

$('#reps').addEventListener('click', async (event) => {
  const row = event.target.closest('tr[data-rep]');
  if (!row) return;
  const rep = row.dataset.rep;
  if (event.target.matches('[data-save-rep]')) {
    const value = (name) => row.querySelector(`[name=${name}]`).value.trim();
    const result = await api(teamPath(`/reps/${encodeURIComponent(rep)}`), { method: 'PUT', body: {
      active: row.querySelector('[name=active]').checked, capacity: value('capacity') === '' ? null : Number(value('capacity')),
      weight: Number(value('weight')), timeZone: value('timeZone') } }); // empty: the team's zone
    $('#rep-errors').innerHTML = '';
    if (!result.ok) { problems('#rep-errors', result); return; }
    await load(current.id);
    notice(`${rep} saved.`);
    if (result.body.openLeadsToHandOver > 0) {
      const open = await api(teamPath(`/reps/${encodeURIComponent(rep)}/open-leads`));
      offerHandOver(rep, open.body || []);
    }
  } else if (event.target.matches('[data-hand-over]')) {
    const open = await api(teamPath(`/reps/${encodeURIComponent(rep)}/open-leads`));
    offerHandOver(rep, open.body || []);
  }
});

function offerHandOver(rep, leads) {
  const form = $('#hand-over');
  form.hidden = false;
  form.dataset.rep = rep;
  $('#hand-over-title').textContent = `Hand over ${leads.length} open lead(s) of ${rep}`;
  $('#hand-over-leads').innerHTML = leads.map((l) => `<label><input type="checkbox" name="lead" value="${l.leadId}" checked> `
    + `${esc(l.company || l.leadId)}: ${esc(l.task)}${l.due ? `, due ${esc(l.due.slice(0, 16).replace('T', ' '))}` : ''}</label>`).join('<br>');
  $('#hand-over-to').innerHTML = '<option value="">the team, by the fair rotation</option>'
    + current.reps.filter((r) => r.userId !== rep && r.active).map((r) => `<option value="${esc(r.userId)}">${esc(r.name)}</option>`).join('');
}

$('#hand-over').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const leads = [...form.querySelectorAll('[name=lead]:checked')].map((box) => box.value);
  const result = await api(teamPath(`/reps/${encodeURIComponent(form.dataset.rep)}/hand-over`), { method: 'POST',
    body: { leads, to: form.to.value || null, reason: form.reason.value } });
  $('#hand-over-errors').innerHTML = '';
  if (!result.ok) { problems('#hand-over-errors', result); return; }
  form.hidden = true;
  form.reset();
  await load(current.id);
  notice(`${result.body.moved.length} lead(s) handed over: ${result.body.moved.map((m) => m.to).join(', ')}.`);
});

$('#absence').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const result = await api(teamPath(`/reps/${encodeURIComponent(form.rep.value)}/absences`), { method: 'POST',
    body: { starts: form.starts.value, ends: form.ends.value || null, note: form.note.value || null } });
  $('#absence-errors').innerHTML = '';
  if (!result.ok) { problems('#absence-errors', result); return; }
  await load(current.id);
  notice(`${form.rep.value} is out of office from ${form.starts.value}.`);
});

$('#team').addEventListener('change', (event) => load(event.target.value));

$('#login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  credentials = `Basic ${btoa(unescape(encodeURIComponent(`${form.username.value}:${form.password.value}`)))}`;
  const result = await api('');
  if (!result.ok || result.body.length === 0) {
    $('#login-error').textContent = result.ok ? 'You are neither a manager nor a rep of any team.' : 'User or password is wrong.';
    credentials = null;
    return;
  }
  const user = form.username.value;
  form.reset();
  $('#login').hidden = true;
  $('#page').hidden = false;
  $('#logout').hidden = false;
  $('#team').hidden = false;
  $('#who').textContent = `Logged in as ${user}`;
  $('#team').innerHTML = result.body.map((t) => `<option value="${esc(t.id)}">${esc(t.name)}${t.manages ? '' : ' (read only)'}</option>`).join('');
  await load(result.body.find((t) => t.manages)?.id || result.body[0].id);
  $('#team').value = current.id;
});

$('#logout').addEventListener('click', () => window.location.reload());
