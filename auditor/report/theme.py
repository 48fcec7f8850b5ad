"""The report's style sheet, inlined in the page: system fonts only, light and dark themes from
the reader's setting, and eight rule colours that stay legible on both."""

RULE_COLOURS = 8

CSS = """
:root { color-scheme: light dark;
  --bg: #fbfbfa; --fg: #1d232a; --muted: #5d6873; --card: #ffffff; --line: #d9dee3;
  --accent: #2f6fb3; --kept: #2e8b57; --rejected: #c8553d; --grid: #e6e9ec; --code: #f1f3f5;
  --r0: #ffd166; --r1: #9ad1f5; --r2: #f7a6a1; --r3: #b7e4a7; --r4: #d7b8f3; --r5: #ffb870;
  --r6: #8fe3d6; --r7: #e8c6a0; --mark-fg: #1d232a; }
@media (prefers-color-scheme: dark) { :root {
  --bg: #15191d; --fg: #e4e8ec; --muted: #9aa5b1; --card: #1e2429; --line: #333c44;
  --accent: #6ba6e8; --kept: #5cc08a; --rejected: #ef8a73; --grid: #2b3238; --code: #262d33;
  --r0: #c9a23f; --r1: #5f9cc4; --r2: #c46f6a; --r3: #78a86a; --r4: #9d7cc0; --r5: #c98642;
  --r6: #4fa79b; --r7: #ad8c69; --mark-fg: #101316; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.5;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 24px 20px 64px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; } h2 { font-size: 1.2rem; margin: 0 0 12px; }
a { color: var(--accent); }
nav { display: flex; flex-wrap: wrap; gap: 6px 14px; margin: 8px 0 20px; font-size: .9rem; }
section { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
  padding: 18px 20px; margin: 0 0 18px; }
.muted, .note { color: var(--muted); } .note { font-style: italic; margin: 8px 0 0; }
.warning { border-left: 4px solid var(--rejected); padding: 6px 12px; background: var(--code); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 10px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; }
.card .n { font-size: 1.4rem; font-weight: 600; display: block; }
.card .what { color: var(--muted); font-size: .85rem; }
.card.kept .n { color: var(--kept); } .card.rejected .n { color: var(--rejected); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 16px 0 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
code { background: var(--code); padding: 1px 5px; border-radius: 4px; font-size: .88em; }
svg.chart { display: block; width: 100%; max-width: 720px; height: auto; }
svg.chart text { fill: var(--fg); font: 12px system-ui, sans-serif; }
svg.chart text.tick { fill: var(--muted); }
svg.chart .grid { stroke: var(--grid); } svg.chart .axis { stroke: var(--muted); }
svg.chart .series-0 { fill: var(--accent); }
svg.chart .kept { fill: var(--kept); } svg.chart .rejected { fill: var(--rejected); }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.legend { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 12px; padding: 0; list-style: none; }
.legend li { font-size: .85rem; }
article.record { border-top: 1px solid var(--line); padding: 12px 0; }
article.record header { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
.reason { background: var(--code); border-radius: 10px; padding: 0 8px; font-size: .82rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 8px 0; padding: 10px 12px;
  background: var(--code); border-radius: 6px; font-size: .93rem; }
mark { color: var(--mark-fg); border-radius: 3px; padding: 0 1px; cursor: help; }
mark.overlap { outline: 2px dotted var(--fg); }
mark.point { font-weight: 700; padding: 0 2px; }
.swatch { color: var(--mark-fg); border-radius: 3px; padding: 0 6px; font-family: ui-monospace, monospace; }
ol.findings { margin: 0; padding-left: 22px; font-size: .88rem; }
""" + "".join(f"mark.rule-{i}, .swatch.rule-{i} {{ background: var(--r{i}); }}\n" for i in range(RULE_COLOURS))
