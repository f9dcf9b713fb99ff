/**
 * The script that makes the report's charts interactive, on the same static SVG that a viewer
 * without scripts sees (no chart library is loaded, nothing is fetched):
 * - a tooltip with the values of the mark under the pointer, read from
 *   the text alternative vega gives each mark (`Days: 145; Share: 50%; Configuration: ...`);
 * - a legend entry that hides its series when clicked (or pressed with Enter or Space), and
 *   shows it again on a second click: every mark outside the legend drawn in the entry's
 *   colour fades.
 * Plain ES5-level JavaScript, kept as text: it runs in the page, not in Node.
 */
export const INTERACTIVE_SCRIPT = `(function () {
  'use strict';
  var NOT_MARKS = /^(axis|legend|title|subtitle|.* container)$/;
  var tip = document.createElement('div');
  tip.className = 'chart-tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.appendChild(tip);

  function markOf(node, svg) {
    for (var n = node; n && n !== svg; n = n.parentNode) {
      if (n.getAttribute && n.getAttribute('aria-label') && !NOT_MARKS.test(n.getAttribute('aria-roledescription') || '')) {
        return n;
      }
    }
    return null;
  }

  function show(label, x, y) {
    tip.textContent = label.split('; ').join('\\n');
    tip.hidden = false;
    var left = Math.min(x + 14, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(window.scrollX + 4, left) + 'px';
    tip.style.top = y + 14 + 'px';
  }

  function colourOf(entry) {
    var symbol = entry.querySelector('.role-legend-symbol path');
    if (!symbol) return null;
    var fill = symbol.getAttribute('fill');
    return fill && fill !== 'none' && fill !== 'transparent' ? fill : symbol.getAttribute('stroke');
  }

  function toggle(svg, entry) {
    var colour = colourOf(entry);
    if (!colour) return;
    var hidden = entry.getAttribute('aria-pressed') !== 'true';
    entry.setAttribute('aria-pressed', hidden ? 'true' : 'false');
    entry.style.opacity = hidden ? '0.35' : '';
    var legend = entry.closest('.role-legend');
    svg.querySelectorAll('path, rect, line, circle, text').forEach(function (el) {
      if (legend && legend.contains(el)) return;
      if (el.getAttribute('fill') !== colour && el.getAttribute('stroke') !== colour) return;
      el.style.opacity = hidden ? '0.08' : '';
    });
  }

  document.querySelectorAll('figure .chart svg').forEach(function (svg) {
    svg.addEventListener('mousemove', function (event) {
      var mark = markOf(event.target, svg);
      if (mark) show(mark.getAttribute('aria-label'), event.pageX, event.pageY);
      else tip.hidden = true;
    });
    svg.addEventListener('mouseleave', function () {
      tip.hidden = true;
    });
    svg.querySelectorAll('.role-legend-symbol').forEach(function (symbol) {
      var entry = symbol.parentNode && symbol.parentNode.parentNode;
      if (!entry || !colourOf(entry)) return;
      entry.classList.add('legend-toggle');
      entry.setAttribute('tabindex', '0');
      entry.setAttribute('role', 'button');
      entry.setAttribute('aria-pressed', 'false');
      var label = entry.querySelector('.role-legend-label text');
      entry.setAttribute('aria-label', 'Hide or show ' + (label ? label.textContent : 'this series'));
      entry.querySelectorAll('*').forEach(function (el) {
        el.setAttribute('pointer-events', 'all');
      });
      entry.addEventListener('click', function () {
        toggle(svg, entry);
      });
      entry.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          toggle(svg, entry);
        }
      });
    });
  });
})();`;

/** The style of the tooltip and of a legend entry that can be clicked. */
export const INTERACTIVE_STYLE = `
.chart-tip { position: absolute; z-index: 10; max-width: 320px; white-space: pre-line; background: #222; color: #fff; font-size: 0.82rem; padding: 0.35rem 0.55rem; border-radius: 4px; pointer-events: none; }
.legend-toggle { cursor: pointer; }
.legend-toggle:focus { outline: 2px solid #0b5394; }
`;
