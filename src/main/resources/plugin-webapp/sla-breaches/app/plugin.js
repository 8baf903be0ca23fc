// "SLA breaches" on the Cockpit dashboard: the open breaches of the lead hand-off, by team and rep, most
// overdue first, each linked to its process instance. Reads the app's /api/reports/open-breaches with the
// manager's Cockpit login (the same browser session).
const escape = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function countBy(rows, key) {
  const counts = new Map();
  rows.forEach((row) => counts.set(row[key] || '(no rep)', (counts.get(row[key] || '(no rep)') || 0) + 1));
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

function draw(node, rows, filter) {
  const shown = rows.filter((r) => (!filter.team || r.team === filter.team) && (!filter.rep || (r.rep || '(no rep)') === filter.rep));
  const options = (values, selected, all) => [`<option value="">${all}</option>`]
    .concat(values.map(([value, count]) => `<option value="${escape(value)}"${value === selected ? ' selected' : ''}>${escape(value)} (${count})</option>`))
    .join('');
  node.innerHTML = `
    <section class="lead-handoff-sla-breaches">
      <h1 class="section-title">SLA breaches <small>(${rows.length} open)</small></h1>
      <p>
        <label>Team <select data-filter="team">${options(countBy(rows, 'team'), filter.team, 'All teams')}</select></label>
        <label>Rep <select data-filter="rep">${options(countBy(rows, 'rep'), filter.rep, 'All reps')}</select></label>
      </p>
      ${shown.length === 0 ? '<p class="no-breaches">No open SLA breaches.</p>' : `
      <table class="cam-table">
        <thead><tr><th>Lead</th><th>SLA</th><th>Team</th><th>Rep</th><th>Due</th><th>Late (business hours)</th><th>Process instance</th></tr></thead>
        <tbody>${shown.map((r) => `
          <tr class="breach">
            <td>${escape(r.lead)}</td><td>${escape(r.sla)}</td><td>${escape(r.team)}</td><td>${escape(r.rep || '(no rep)')}</td>
            <td>${escape(new Date(r.dueAt).toLocaleString())}</td><td class="late">${escape(r.lateBusinessHours)}</td>
            <td>${r.processInstanceId ? `<a href="#/process-instance/${escape(r.processInstanceId)}/runtime">${escape(r.processInstanceId)}</a>` : '(ended)'}</td>
          </tr>`).join('')}
        </tbody>
      </table>`}
    </section>`;
  node.querySelectorAll('select[data-filter]').forEach((select) => select.addEventListener('change', () => {
    draw(node, rows, { ...filter, [select.dataset.filter]: select.value });
  }));
}

export default {
  id: 'lead-handoff-sla-breaches',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: (node) => {
    node.innerHTML = '<section class="lead-handoff-sla-breaches"><h1 class="section-title">SLA breaches</h1><p>Loading…</p></section>';
    fetch('/api/reports/open-breaches', { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } })
      .then((response) => {
        if (!response.ok) {
          throw new Error(response.status === 403 ? 'Only sales managers see SLA breaches.' : `The report answered ${response.status}.`);
        }
        return response.json();
      })
      .then((report) => draw(node, report.rows, {}))
      .catch((error) => {
        node.innerHTML = `<section class="lead-handoff-sla-breaches"><h1 class="section-title">SLA breaches</h1><p class="error">${escape(error.message)}</p></section>`;
      });
  },
};
