/*
 * Draws every chart of a page from its data-figure attribute, with the local Plotly bundle.
 *
 * - Works with Material's instant navigation: it subscribes to document$, which emits on the
 *   first load and after every navigation, instead of relying on inline <script> tags.
 * - Loads Plotly only on pages that have a chart, from this site (never from a CDN).
 * - Redraws on the palette toggle (light/dark) and resizes with its container; a chart in a
 *   hidden container (a tab, a closed <details>) is drawn when it becomes visible.
 */
(function () {
  "use strict";
  if (window.__trackerCharts) return;  // instant navigation may evaluate the script again
  window.__trackerCharts = true;

  var here = document.currentScript && document.currentScript.src;
  var plotlyUrl = new URL("../vendor/plotly-basic.min.js", here || location.href).href;
  var plotlyLoading = null;
  // Okabe–Ito dark blue is too dim on the dark palette: use its sky blue there.
  var DARK_SWAPS = { "#0072B2": "#56B4E9" };
  var CONFIG = { displayModeBar: false, responsive: false, scrollZoom: false, doubleClick: false };

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!plotlyLoading) {
      plotlyLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = plotlyUrl;
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = function () { plotlyLoading = null; reject(new Error("could not load " + plotlyUrl)); };
        document.head.appendChild(script);
      });
    }
    return plotlyLoading;
  }

  function isDark() {
    return document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  function swapColour(value, dark) {
    if (!dark) return value;
    if (typeof value === "string") return DARK_SWAPS[value] || value;
    if (Array.isArray(value)) return value.map(function (v) { return swapColour(v, dark); });
    return value;
  }

  function recolour(node, dark) {
    if (Array.isArray(node)) return node.map(function (n) { return recolour(n, dark); });
    if (node && typeof node === "object") {
      var out = {};
      Object.keys(node).forEach(function (key) {
        out[key] = key === "color" ? swapColour(node[key], dark) : recolour(node[key], dark);
      });
      return out;
    }
    return node;
  }

  function themeLayout(layout, width) {
    var style = getComputedStyle(document.body);
    var fg = style.getPropertyValue("--md-default-fg-color").trim() || "#333";
    var grid = style.getPropertyValue("--md-default-fg-color--lightest").trim() || "#ddd";
    var bg = style.getPropertyValue("--md-default-bg-color").trim() || "#fff";
    var themed = JSON.parse(JSON.stringify(layout));
    themed.paper_bgcolor = "rgba(0,0,0,0)";
    themed.plot_bgcolor = "rgba(0,0,0,0)";
    themed.font = { family: style.fontFamily, color: fg, size: 13 };
    themed.hoverlabel = Object.assign({}, themed.hoverlabel, { bgcolor: bg, bordercolor: fg, font: { color: fg } });
    ["xaxis", "yaxis"].forEach(function (axis) {
      themed[axis] = Object.assign({}, themed[axis], { gridcolor: grid, linecolor: grid, zerolinecolor: grid });
    });
    if (width) themed.width = width;  // exactly the container's width, however it changed
    if (width && width < 520) {  // a phone: fewer, shorter date ticks so they do not collide
      themed.xaxis.nticks = 4;
      themed.xaxis.tickformat = "%b %Y";
      themed.font.size = 12;
    }
    return themed;
  }

  function render(el) {
    if (!el.isConnected) return Promise.resolve();
    var spec = el._trackerSpec || (el._trackerSpec = JSON.parse(el.getAttribute("data-figure")));
    var dark = isDark();
    el.setAttribute("data-theme", dark ? "dark" : "light");
    return window.Plotly.react(el, recolour(spec.data, dark), themeLayout(spec.layout, el.clientWidth), CONFIG).then(function () {
      el.setAttribute("data-drawn", "true");
      if (!el._trackerClick) {
        el._trackerClick = true;
        el.on("plotly_click", function (event) {
          var url = event && event.points && event.points[0] && event.points[0].customdata;
          if (typeof url === "string" && url) {
            var a = document.createElement("a");
            a.href = url;
            document.body.appendChild(a);
            a.click();  // a link click, so instant navigation handles it
            a.remove();
          }
        });
      }
    });
  }

  function watchSize(el) {
    if (el._trackerObserved || !window.ResizeObserver) return;
    el._trackerObserved = true;
    var lastWidth = el.clientWidth;
    new ResizeObserver(function () {
      var width = el.clientWidth;
      if (width === lastWidth || width === 0) return;
      lastWidth = width;
      render(el);  // re-render rather than resize: tick density depends on the width
    }).observe(el);
  }

  function mark(name) {
    if (window.performance && performance.mark) performance.mark("tracker:" + name);
  }

  function isOnScreen(el) {
    var box = el.getBoundingClientRect();
    return box.width > 0 && box.bottom > 0 && box.top < window.innerHeight;
  }

  // One chart per task, those on screen first, so the first chart is painted before the others
  // are drawn and the page stays responsive while they are.
  function drawInTurn(charts, generation) {
    var queue = charts.filter(isOnScreen).concat(charts.filter(function (el) { return !isOnScreen(el); }));
    var first = true;
    function next() {
      if (generation !== drawGeneration) return;  // the reader has moved to another page
      var el = queue.shift();
      if (!el) return;
      watchSize(el);
      if (el.clientWidth === 0) { next(); return; }  // hidden: drawn by watchSize once shown
      render(el).then(function () {
        if (first) { first = false; mark("first-chart"); }
        setTimeout(next, 0);
      });
    }
    next();
  }

  var drawGeneration = 0;

  function drawAll() {
    var generation = ++drawGeneration;
    var charts = Array.prototype.slice.call(document.querySelectorAll(".tracker-chart"));
    if (!charts.length) return;
    mark("charts-found");
    loadPlotly().then(function () {
      mark("plotly-ready");
      drawInTurn(charts, generation);
    }).catch(function (err) {
      charts.forEach(function (el) {
        el.setAttribute("data-error", String(err));
        el.textContent = "The chart could not be drawn; the table below has every figure.";
      });
    });
  }

  function redrawAll() {
    if (!window.Plotly) return;
    document.querySelectorAll('.tracker-chart[data-drawn="true"]').forEach(render);
  }

  new MutationObserver(redrawAll).observe(document.body, {
    attributes: true, attributeFilter: ["data-md-color-scheme"]
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(drawAll);
  } else {
    document.addEventListener("DOMContentLoaded", drawAll);
  }
})();
