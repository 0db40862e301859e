/**
 * The page's own script: reads the JSON in #dashboard-data and builds every element from it. Text
 * from logs (model, tool, project names) only ever goes in through textContent, canvas text or
 * attribute values, never through innerHTML, so a name made of markup shows as that text.
 */
export const PAGE_SCRIPT = String.raw`(function () {
'use strict';
var data = JSON.parse(document.getElementById('dashboard-data').textContent);

function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}
function cssVar(name) { return getComputedStyle(document.documentElement).getPropertyValue(name).trim(); }
function paletteColor(index) { return cssVar('--c' + (index % 9)); }

var compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
var whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
function duration(ms) {
  var s = Math.round(Math.abs(ms) / 1000);
  if (s < 1) return Math.round(Math.abs(ms)) + 'ms';
  var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  if (h > 0) return h + 'h ' + m + 'm';
  if (m > 0) return m + 'm ' + r + 's';
  return r + 's';
}
function formatValue(value, unit, tick) {
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
  switch (unit) {
    case 'usd': return (value < 0 ? '-$' : '$') + Math.abs(value).toFixed(tick ? 2 : 4);
    case 'percent': return value.toFixed(tick ? 0 : 1) + '%';
    case 'hours': return tick ? compact.format(value) + 'h' : duration(value * 3600000);
    case 'tokens': return tick ? compact.format(value) : whole.format(value);
    default: return tick ? compact.format(value) : whole.format(Math.abs(value));
  }
}
function shorten(text, max) { text = String(text); return text.length > max ? text.slice(0, max - 1) + '\u2026' : text; }
// A path is told apart by its end (the project folder), so it is cut at the start.
function shortenLabel(text, max) { text = String(text); return text.charAt(0) === '/' && text.length > max ? '\u2026' + text.slice(text.length - max + 1) : shorten(text, max); }

function renderTable(spec) {
  var wrap = el('div', 'table-wrap');
  var table = el('table');
  // A caption that repeats the heading above the table is for screen readers only.
  table.appendChild(el('caption', spec.captionHidden ? 'visually-hidden' : '', spec.caption));
  var head = el('thead'), headRow = el('tr');
  spec.columns.forEach(function (column, i) {
    var th = el('th', spec.numeric[i] ? 'num' : '', column);
    th.setAttribute('scope', 'col');
    headRow.appendChild(th);
  });
  head.appendChild(headRow);
  table.appendChild(head);
  var body = el('tbody');
  spec.rows.forEach(function (row) { body.appendChild(renderRow(row, spec.numeric)); });
  table.appendChild(body);
  if (spec.footer) {
    var foot = el('tfoot');
    foot.appendChild(renderRow(spec.footer, spec.numeric));
    table.appendChild(foot);
  }
  wrap.appendChild(table);
  return wrap;
}
function renderRow(cells, numeric) {
  var tr = el('tr');
  cells.forEach(function (cell, i) {
    var td = el(i === 0 ? 'th' : 'td', numeric[i] ? 'num' : '', cell);
    if (i === 0) td.setAttribute('scope', 'row');
    tr.appendChild(td);
  });
  return tr;
}
function tableDetails(spec, open) {
  var details = el('details');
  if (open) details.open = true;
  details.appendChild(el('summary', '', 'Table of these numbers'));
  details.appendChild(renderTable(spec));
  return details;
}

var charts = [];
function chartOptions(spec) {
  var valueAxis = {
    stacked: spec.stacked, beginAtZero: true, max: spec.unit === 'percent' ? 100 : undefined,
    ticks: { callback: function (value) { return formatValue(value, spec.unit, true); } },
    grid: { color: cssVar('--grid') },
  };
  var categoryAxis = {
    stacked: spec.stacked,
    ticks: { autoSkip: true, maxRotation: 0, callback: function (value) { return shortenLabel(this.getLabelForValue(value), spec.horizontal ? 22 : 12); } },
    grid: { display: false },
  };
  return {
    animation: false, responsive: true, maintainAspectRatio: false,
    indexAxis: spec.horizontal ? 'y' : 'x',
    interaction: { mode: spec.horizontal ? 'y' : 'index', intersect: false },
    scales: spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    plugins: {
      legend: { display: spec.series.length > 1, labels: { boxWidth: 12 } },
      tooltip: {
        callbacks: {
          title: function (items) { return items.length ? shorten(items[0].label, 80) : ''; },
          label: function (ctx) { return shorten(ctx.dataset.label, 60) + ': ' + formatValue(spec.horizontal ? ctx.parsed.x : ctx.parsed.y, spec.unit, false); },
        },
      },
    },
  };
}
function datasets(spec) {
  return spec.series.map(function (series) {
    var color = paletteColor(series.color);
    return {
      label: series.name, data: series.values, backgroundColor: color, borderColor: color,
      borderWidth: spec.type === 'line' ? 2 : 0, pointRadius: spec.type === 'line' ? 2 : 0, spanGaps: false, maxBarThickness: 40,
    };
  });
}
function applyTheme() {
  Chart.defaults.color = cssVar('--muted');
  Chart.defaults.borderColor = cssVar('--grid');
  charts.forEach(function (entry) {
    entry.chart.data.datasets.forEach(function (dataset, i) {
      var color = paletteColor(entry.spec.series[i].color);
      dataset.backgroundColor = color;
      dataset.borderColor = color;
    });
    entry.chart.options = chartOptions(entry.spec);
    entry.chart.update('none');
  });
}

function chartCard(spec, className) {
  var card = el('section', className);
  card.id = spec.id;
  card.setAttribute('data-chart', spec.id);
  card.setAttribute('aria-labelledby', spec.id + '-title');
  var title = el('h2', '', spec.title);
  title.id = spec.id + '-title';
  card.appendChild(title);
  card.appendChild(el('p', 'desc', spec.description));
  return card;
}

function renderChart(spec, parent) {
  var card = chartCard(spec, 'card');
  if (spec.empty) {
    card.appendChild(el('p', 'empty', spec.empty));
  } else {
    var box = el('div', 'chart-box' + (spec.horizontal && spec.labels.length > 8 ? ' tall' : ''));
    var canvas = el('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', spec.title + ' (chart; its numbers are in the table below)');
    box.appendChild(canvas);
    card.appendChild(box);
  }
  card.appendChild(tableDetails(spec.table, Boolean(spec.empty) && spec.table.rows.length > 0));
  parent.appendChild(card);
  if (!spec.empty) {
    var chart = new Chart(card.querySelector('canvas'), { type: spec.type, data: { labels: spec.labels, datasets: datasets(spec) }, options: chartOptions(spec) });
    charts.push({ chart: chart, spec: spec });
  }
}

var SVG = 'http://www.w3.org/2000/svg';
function svgEl(tag, attrs) {
  var node = document.createElementNS(SVG, tag);
  Object.keys(attrs).forEach(function (name) { node.setAttribute(name, String(attrs[name])); });
  return node;
}
function renderCalendar(spec, parent) {
  var card = chartCard(spec, 'card wide');
  var size = 11, step = 14, left = 26, top = 16;
  var svg = svgEl('svg', { width: left + spec.weeks * step, height: top + 7 * step, viewBox: '0 0 ' + (left + spec.weeks * step) + ' ' + (top + 7 * step) });
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', spec.title + ' (heatmap; the days with a cost are in the table below)');
  spec.months.forEach(function (month) {
    var text = svgEl('text', { x: left + month.week * step, y: 10 });
    text.textContent = month.text;
    svg.appendChild(text);
  });
  [['Mon', 0], ['Wed', 2], ['Fri', 4]].forEach(function (day) {
    var text = svgEl('text', { x: 0, y: top + day[1] * step + 9 });
    text.textContent = day[0];
    svg.appendChild(text);
  });
  spec.cells.forEach(function (cell) {
    var rect = svgEl('rect', { x: left + cell.week * step, y: top + cell.weekday * step, width: size, height: size, rx: 2, 'class': 'heat' + cell.level, 'data-date': cell.date, 'data-value': cell.value });
    var tip = svgEl('title', {});
    tip.textContent = cell.text;
    rect.appendChild(tip);
    svg.appendChild(rect);
  });
  var box = el('div', 'calendar-box');
  box.appendChild(svg);
  card.appendChild(box);
  var legend = el('ul', 'legend');
  spec.levels.forEach(function (text, level) {
    var item = el('li');
    item.appendChild(el('span', 'swatch heat' + level));
    item.appendChild(el('span', '', text));
    legend.appendChild(item);
  });
  card.appendChild(legend);
  card.appendChild(tableDetails(spec.table, false));
  parent.appendChild(card);
  // The latest weeks matter most: on a narrow screen the grid scrolls, starting at its end.
  box.scrollLeft = box.scrollWidth;
}

function renderBlock(block, parent) {
  if (block.kind === 'note') {
    if (block.title) parent.appendChild(el('h3', '', block.title));
    parent.appendChild(el('p', '', block.text));
    return;
  }
  if (block.kind === 'fields') {
    parent.appendChild(el('h3', '', block.title));
    var list = el('dl', 'fields');
    block.rows.forEach(function (row) {
      list.appendChild(el('dt', row.indent ? 'indent' : '', row.label));
      list.appendChild(el('dd', '', row.value));
    });
    parent.appendChild(list);
    return;
  }
  if (block.kind === 'table') {
    var columns = block.columns.map(function (c, i) { return i === 0 && block.titleInHeader && block.title ? block.title : c.header; });
    if (block.title && !block.titleInHeader) parent.appendChild(el('h3', '', block.title));
    parent.appendChild(renderTable({
      caption: block.title || 'Table', captionHidden: true, columns: columns,
      numeric: block.columns.map(function (c) { return c.align === 'right'; }),
      rows: block.rows, footer: block.footer && block.footer[0],
    }));
  }
}

var dialog = document.getElementById('session-detail');
function openSession(index) {
  var detail = data.sessions.details[index];
  document.getElementById('detail-title').textContent = 'Session ' + detail.sessionId;
  var body = document.getElementById('detail-body');
  body.replaceChildren();
  detail.blocks.forEach(function (block) { renderBlock(block, body); });
  var raw = el('details');
  raw.appendChild(el('summary', '', 'Report JSON (as rad stats session --json prints it)'));
  raw.appendChild(el('pre', 'report-json', JSON.stringify(detail.report, null, 2)));
  body.appendChild(raw);
  dialog.showModal();
}
document.getElementById('detail-close').addEventListener('click', function () { dialog.close(); });
dialog.addEventListener('click', function (event) { if (event.target === dialog) dialog.close(); });

function renderSessions(spec, parent) {
  var card = el('section', 'card wide');
  card.id = 'sessions';
  card.setAttribute('aria-labelledby', 'sessions-title');
  var title = el('h2', '', spec.title);
  title.id = 'sessions-title';
  card.appendChild(title);
  card.appendChild(el('p', 'desc', spec.description));
  var table = renderTable(spec.table);
  table.querySelectorAll('tbody tr').forEach(function (row, index) {
    var cell = row.firstChild;
    var button = el('button', 'session-link', cell.textContent);
    button.type = 'button';
    button.setAttribute('data-session', String(index));
    button.setAttribute('aria-haspopup', 'dialog');
    button.addEventListener('click', function () { openSession(index); });
    cell.replaceChildren(button);
  });
  card.appendChild(table);
  parent.appendChild(card);
}

document.getElementById('title').textContent = data.title;
document.getElementById('scope').textContent = data.scope;
document.getElementById('generated').textContent = data.generated;
var kpis = document.getElementById('kpis');
data.kpis.forEach(function (kpi) {
  var box = el('div', 'kpi');
  box.setAttribute('data-kpi', kpi.id);
  box.setAttribute('data-value', kpi.value === null ? '' : String(kpi.value));
  box.appendChild(el('span', 'kpi-label', kpi.label));
  box.appendChild(el('strong', 'kpi-value', kpi.text));
  if (kpi.note) box.appendChild(el('span', 'kpi-note', kpi.note));
  kpis.appendChild(box);
});
Chart.defaults.color = cssVar('--muted');
Chart.defaults.borderColor = cssVar('--grid');
Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
var grid = document.getElementById('charts');
data.charts.forEach(function (spec) { renderChart(spec, grid); });
var wide = document.getElementById('wide');
renderCalendar(data.calendar, wide);
renderSessions(data.sessions, wide);
window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', applyTheme);
document.documentElement.setAttribute('data-ready', 'true');
})();
`;
