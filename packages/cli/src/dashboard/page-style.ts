/**
 * The dashboard's stylesheet: light and dark palettes (the system's choice), a grid that folds to
 * one column on a phone, tables that scroll sideways instead of widening the page.
 */
export const PAGE_STYLE = `
:root {
  color-scheme: light dark;
  --bg: #f6f7f9; --card: #ffffff; --text: #1d2330; --muted: #5b6475; --line: #dde1e8; --accent: #2457c5;
  --grid: rgba(29, 35, 48, 0.12);
  --c0: #2f6fdf; --c1: #e0822a; --c2: #2e9d62; --c3: #d1434b; --c4: #7a56d0; --c5: #16989e; --c6: #c2529b; --c7: #8a7a22; --c8: #7c8593;
  --heat0: #e9ecf1; --heat1: #c6dbfb; --heat2: #86b2f2; --heat3: #3f7fe0; --heat4: #1b4ea8;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #12151b; --card: #1b2029; --text: #e4e8ef; --muted: #9aa3b2; --line: #2c3340; --accent: #7fa8ff;
    --grid: rgba(228, 232, 239, 0.12);
    --c0: #6f9dff; --c1: #f0a45c; --c2: #5cc98f; --c3: #ff7a80; --c4: #a98bff; --c5: #4cc6cb; --c6: #ea86c4; --c7: #cdbb5a; --c8: #98a1af;
    --heat0: #252b36; --heat1: #1f3c6e; --heat2: #2d5ba8; --heat3: #4d83e0; --heat4: #9cc0ff;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header, main { max-width: 1280px; margin: 0 auto; padding: 1rem; }
header { padding-bottom: 0; }
h1 { font-size: 1.5rem; margin: 0.25rem 0; }
h2 { font-size: 1.1rem; margin: 0 0 0.25rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.25rem; }
p { margin: 0.25rem 0; }
.muted, .desc { color: var(--muted); }
.desc { font-size: 0.9rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr)); gap: 0.75rem; margin-bottom: 1rem; }
.kpi, .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 0.9rem 1rem; min-width: 0; }
.kpi-label { display: block; color: var(--muted); font-size: 0.85rem; }
.kpi-value { display: block; font-size: clamp(1.05rem, 4.6vw, 1.45rem); font-variant-numeric: tabular-nums; overflow-wrap: break-word; }
.kpi-note { display: block; color: var(--muted); font-size: 0.8rem; overflow-wrap: anywhere; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 34rem), 1fr)); gap: 1rem; margin-bottom: 1rem; }
.wide { margin-bottom: 1rem; }
.chart-box { position: relative; height: 290px; margin-top: 0.5rem; }
.chart-box.tall { height: 420px; }
.empty { color: var(--muted); font-style: italic; padding: 1rem 0; }
details { margin-top: 0.5rem; }
summary { cursor: pointer; color: var(--accent); font-size: 0.9rem; }
.table-wrap { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-size: 0.85rem; font-variant-numeric: tabular-nums; margin-top: 0.4rem; width: 100%; }
caption { text-align: left; color: var(--muted); font-size: 0.8rem; padding-bottom: 0.25rem; }
th, td { padding: 0.3rem 0.55rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
td, tbody th { max-width: 28rem; overflow-wrap: anywhere; }
thead th { font-weight: 600; white-space: nowrap; }
.num { text-align: right; white-space: nowrap; }
tfoot th, tfoot td { font-weight: 600; border-bottom: none; border-top: 2px solid var(--line); }
.calendar-box { overflow-x: auto; margin-top: 0.5rem; }
.calendar-box svg { display: block; width: 100%; min-width: 44rem; height: auto; }
.calendar-box text { fill: var(--muted); font-size: 9px; }
.heat0 { fill: var(--heat0); } .heat1 { fill: var(--heat1); } .heat2 { fill: var(--heat2); } .heat3 { fill: var(--heat3); } .heat4 { fill: var(--heat4); }
.legend { display: flex; flex-wrap: wrap; gap: 0.35rem 0.9rem; list-style: none; padding: 0; margin: 0.5rem 0 0; font-size: 0.8rem; color: var(--muted); }
.legend li { display: flex; align-items: center; gap: 0.3rem; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; }
.swatch.heat0 { background: var(--heat0); } .swatch.heat1 { background: var(--heat1); } .swatch.heat2 { background: var(--heat2); } .swatch.heat3 { background: var(--heat3); } .swatch.heat4 { background: var(--heat4); }
button.session-link { font: inherit; color: var(--accent); background: none; border: none; padding: 0; cursor: pointer; text-decoration: underline; text-align: left; overflow-wrap: anywhere; }
dialog { width: min(56rem, calc(100vw - 1.5rem)); max-height: calc(100vh - 2rem); border: 1px solid var(--line); border-radius: 10px; background: var(--card); color: var(--text); padding: 0; }
dialog::backdrop { background: rgba(0, 0, 0, 0.45); }
.dialog-head { display: flex; justify-content: space-between; align-items: start; gap: 1rem; padding: 1rem 1rem 0; }
.dialog-head h2 { overflow-wrap: anywhere; }
.dialog-body { padding: 0 1rem 1rem; }
.close { font: inherit; font-size: 1.3rem; line-height: 1; background: none; color: var(--text); border: 1px solid var(--line); border-radius: 6px; padding: 0.2rem 0.55rem; cursor: pointer; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.25rem 0; font-size: 0.9rem; }
dl.fields dt { color: var(--muted); }
dl.fields dt.indent { padding-left: 1.2rem; }
dl.fields dd { margin: 0; overflow-wrap: anywhere; font-variant-numeric: tabular-nums; }
pre { overflow: auto; max-height: 24rem; font-size: 0.8rem; background: var(--bg); padding: 0.6rem; border-radius: 6px; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
@media (max-width: 40rem) {
  body { font-size: 14px; }
  header, main { padding: 0.6rem; }
  .chart-box { height: 240px; }
  dl.fields { grid-template-columns: 1fr; }
  dl.fields dt.indent { padding-left: 0.6rem; }
}
`;
