/*
 * Draws every chart of a page from its data-figure attribute, with the local Plotly bundle.
 *
 * - Works with Material's instant navigation: it subscribes to document$, which emits on the
 *   first load and after every navigation, instead of relying on inline <script> tags.
 * - Loads Plotly only on pages that have a chart, from this site (never from a CDN).
 * - Redraws on the palette toggle (light/dark) and resizes with its container; a chart in a
 *   hidden container (a tab, a closed <details>) is drawn when it becomes visible.
 * - Until Plotly has arrived (or if it never does) the reader sees the chart drawn at build time
 *   (an SVG in the page, in the dark palette's colours on a dark page); the interactive chart replaces it.
 * - A tap (or click) on a point opens a label inside the chart with a link to the point's source;
 *   it never navigates by itself. Date ticks are chosen for the chart's width (never two labels
 *   alike); the same rule as scripts/render/chart_frame.py's date_ticks.
 * - The tools under a chart: PNG and SVG images with the title, source and date drawn in, and
 *   the embed code of its page at embed/<chart id>/.
 */
(function () {
  "use strict";
  if (window.__trackerCharts) return;  // instant navigation may evaluate the script again
  window.__trackerCharts = true;

  var here = document.currentScript && document.currentScript.src;
  var plotlyUrl = new URL("../vendor/plotly-basic.min.js", here || location.href).href;
  var plotlyLoading = null;
  // The chart constants (colours, the dark palette's swaps, the height) are scripts/palette.py's,
  // written by the build on each chart (data-constants): none is repeated here.
  function constantsOf(el) {
    if (!el._trackerConstants) {
      var raw = el.getAttribute("data-constants");
      el._trackerConstants = raw ? JSON.parse(raw) : { colours: {}, darkSwaps: {}, chartHeight: null };
    }
    return el._trackerConstants;
  }
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
    var scheme = document.body.getAttribute("data-md-color-scheme");
    if (scheme) return scheme === "slate";
    return !!(window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches);  // an embed page
  }

  // A finger has no hover: Plotly's own label would open on the tap too, beside ours.
  function touchOnly() {
    return !!(window.matchMedia && matchMedia("(hover: none)").matches);
  }

  var MONTH_LABEL_PX = 62, DAY_LABEL_PX = 56, MONTH_STEPS = [1, 2, 3, 6, 12], DAY_MS = 864e5;

  function dateTicks(range, width) {
    var a = new Date(range[0]), b = new Date(range[1]);
    var days = (b - a) / DAY_MS;
    if (days > 92) {
      // the first 1st of month on the axis, and how many 1sts there are up to its end
      var start = a.getUTCDate() === 1 ? a : new Date(Date.UTC(a.getUTCFullYear(), a.getUTCMonth() + 1, 1));
      var months = (b.getUTCFullYear() - start.getUTCFullYear()) * 12 + b.getUTCMonth() - start.getUTCMonth() + 1;
      var step = MONTH_STEPS.filter(function (s) { return months / s * MONTH_LABEL_PX <= width; })[0] || 12;
      var tick0 = start.getUTCFullYear() + "-" + ("0" + (start.getUTCMonth() + 1)).slice(-2) + "-01";
      return { dtick: "M" + step, tick0: tick0, tickformat: "%b %Y" };
    }
    var span = Math.max(1, days);
    var dayStep = span * DAY_LABEL_PX <= width ? 1 : span / 7 * DAY_LABEL_PX <= width ? 7 : 14;
    return { dtick: dayStep * DAY_MS, tick0: range[0], tickformat: "%-d %b" };
  }

  // swaps: the colours to swap on the dark palette (null on the light one).
  function swapColour(value, swaps) {
    if (!swaps) return value;
    if (typeof value === "string") return swaps[value] || value;
    if (Array.isArray(value)) return value.map(function (v) { return swapColour(v, swaps); });
    return value;
  }

  function recolour(node, swaps) {
    if (Array.isArray(node)) return node.map(function (n) { return recolour(n, swaps); });
    if (node && typeof node === "object") {
      var out = {};
      Object.keys(node).forEach(function (key) {
        out[key] = key === "color" ? swapColour(node[key], swaps) : recolour(node[key], swaps);
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
    if (width && width < 520) themed.font.size = 12;
    if (themed.xaxis.type === "date" && themed.xaxis.range) {
      Object.assign(themed.xaxis, dateTicks(themed.xaxis.range, (width || 680) - 70));
    }
    return themed;
  }

  function forTouch(data) {
    if (!touchOnly()) return data;
    return data.map(function (trace) {
      return trace.hoverinfo === "text" ? Object.assign({}, trace, { hoverinfo: "none" }) : trace;
    });
  }

  function render(el) {
    if (!el.isConnected) return Promise.resolve();
    var spec = el._trackerSpec || (el._trackerSpec = JSON.parse(el.getAttribute("data-figure")));
    var dark = isDark();
    el.setAttribute("data-theme", dark ? "dark" : "light");
    Array.prototype.forEach.call(el.querySelectorAll(".tracker-static-wide, .tracker-static-narrow"),
      function (node) { node.remove(); });  // the build-time drawing gives way to the live chart
    return window.Plotly.react(el, forTouch(recolour(spec.data, dark ? constantsOf(el).darkSwaps : null)), themeLayout(spec.layout, el.clientWidth), CONFIG).then(function () {
      el.setAttribute("data-drawn", "true");
      if (!el._trackerClick) {
        el._trackerClick = true;
        el.on("plotly_click", function (event) {
          var point = event && event.points && event.points[0];
          if (point) showLabel(el, point);
        });
      }
    });
  }

  // --- the label a tap opens: the point's words, and a link the reader may follow ---

  function frameOf(el) {
    if (!el._trackerFrame) {
      var raw = el.getAttribute("data-frame");
      el._trackerFrame = raw ? JSON.parse(raw) : {};
    }
    return el._trackerFrame;
  }

  // Hover text is Plotly's: text escaped by the build (&lt; &gt; &amp;), lines joined by <br>,
  // <b> for the first. Made plain text here and set as text, never as HTML.
  function plainLines(hovertext) {
    var box = document.createElement("textarea");
    return String(hovertext).split("<br>").map(function (line) {
      box.innerHTML = line.replace(/<\/?b>/g, "");
      return box.value;
    });
  }

  function closeLabel(figure) {
    var tip = figure && figure.querySelector(".tracker-tip");
    if (tip) tip.remove();
  }

  function pointPosition(el, point) {
    var xa = point.xaxis, ya = point.yaxis;
    return {
      x: xa._offset + xa.l2p(xa.d2l(point.x)),
      y: ya._offset + ya.l2p(ya.d2l(point.y))
    };
  }

  function showLabel(el, point) {
    var text = point.hovertext || (point.data.hovertext && point.data.hovertext[point.pointIndex]);
    var url = point.customdata;
    if (!text) return;
    var figure = el.closest(".tracker-figure") || el.parentNode;
    closeLabel(figure);
    var tip = document.createElement("div");
    tip.className = "tracker-tip";
    tip.setAttribute("role", "dialog");
    tip.setAttribute("aria-label", "About this point");
    plainLines(text).forEach(function (line, i) {
      var p = document.createElement(i === 0 ? "strong" : "span");
      p.textContent = line;
      tip.appendChild(p);
    });
    if (typeof url === "string" && url) {
      var a = document.createElement("a");
      a.href = url;
      a.textContent = frameOf(el).link_words || "Open the source";
      if (document.body.classList.contains("tracker-embed")) { a.target = "_blank"; a.rel = "noopener"; }
      tip.appendChild(a);
    }
    var close = document.createElement("button");
    close.type = "button";
    close.className = "tracker-tip-close";
    close.setAttribute("aria-label", "Close");
    close.textContent = "×";
    close.addEventListener("click", function () { tip.remove(); });
    tip.appendChild(close);
    figure.appendChild(tip);
    var at = pointPosition(el, point);
    var chartBox = el.getBoundingClientRect(), figBox = figure.getBoundingClientRect();
    var width = tip.offsetWidth, height = tip.offsetHeight;
    var left = chartBox.left - figBox.left + at.x - width / 2;
    left = Math.max(0, Math.min(left, figure.clientWidth - width));
    var top = chartBox.top - figBox.top + at.y + 14;
    if (chartBox.top + at.y + 14 + height > window.innerHeight) top -= height + 28;  // room above, not below
    tip.style.left = left + "px";
    tip.style.top = Math.max(0, top) + "px";
  }

  document.addEventListener("click", function (event) {
    var open = document.querySelectorAll(".tracker-tip");
    Array.prototype.forEach.call(open, function (tip) {
      var figure = tip.parentNode;
      if (!figure.contains(event.target)) tip.remove();
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") Array.prototype.forEach.call(document.querySelectorAll(".tracker-tip"), function (t) { t.remove(); });
  });

  // --- images and embed code ---

  var EXPORT_WIDTH = 960;

  function plotText(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function wrapWords(text, width) {
    var lines = [], line = "";
    String(text).split(/\s+/).forEach(function (word) {
      if (line && (line + " " + word).length > width) { lines.push(line); line = word; }
      else line = line ? line + " " + word : word;
    });
    if (line) lines.push(line);
    return lines;
  }

  // The chart as a figure of its own: title and subtitle above, source and date below, drawn
  // into the image, on white, at a fixed size.
  function exportFigure(el) {
    var spec = el._trackerSpec || (el._trackerSpec = JSON.parse(el.getAttribute("data-figure")));
    var frame = frameOf(el);
    var layout = JSON.parse(JSON.stringify(spec.layout));
    var subtitle = wrapWords(frame.subtitle || "", 110);
    var top = 56 + 18 * subtitle.length, bottom = 150;
    var height = (layout.height || constantsOf(el).chartHeight) + top + bottom - 20;
    var plotHeight = height - top - bottom;
    layout.width = EXPORT_WIDTH;
    layout.height = height;
    layout.paper_bgcolor = "#ffffff";
    layout.plot_bgcolor = "#ffffff";
    layout.font = { family: "Helvetica, Arial, sans-serif", color: "#222222", size: 13 };
    layout.margin = { l: 70, r: 30, t: top, b: bottom };
    layout.title = {
      text: "<b>" + plotText(frame.title || "") + "</b><br><span style=\"font-size:13px;color:#555555\">" +
        subtitle.map(plotText).join("<br>") + "</span>",
      x: 0, xref: "paper", xanchor: "left", y: 1 - 14 / height, yref: "container", yanchor: "top",
      font: { size: 19 }
    };
    if (layout.xaxis && layout.xaxis.type === "date" && layout.xaxis.range) {
      Object.assign(layout.xaxis, dateTicks(layout.xaxis.range, EXPORT_WIDTH - 100));
    }
    layout.annotations = (layout.annotations || []).concat([{
      text: plotText((frame.source || "") + " · " + (frame.data_to || "")), showarrow: false,
      xref: "paper", x: 0, xanchor: "left", yref: "paper", y: -(bottom - 14) / plotHeight, yanchor: "bottom",
      font: { size: 12, color: "#555555" }, align: "left"
    }]);
    return { data: spec.data, layout: layout };
  }

  function saveAs(url, name) {
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function downloadImage(el, format) {
    var figure = exportFigure(el);
    var name = (frameOf(el).id || "chart") + "." + format;
    return loadPlotly().then(function (Plotly) {
      return Plotly.toImage(figure, { format: format, width: figure.layout.width, height: figure.layout.height,
                                      scale: format === "png" ? 2 : 1 });
    }).then(function (url) { saveAs(url, name); });
  }

  function copyEmbed(button) {
    var figure = button.closest(".tracker-figure");
    var frame = frameOf(figure.querySelector(".tracker-chart"));
    var src = new URL(button.getAttribute("data-tracker-embed"), location.href).href;
    var code = '<iframe src="' + src + '" title="' + plotText(frame.title || "Chart").replace(/"/g, "&quot;") +
      '" width="100%" height="600" style="border:0" loading="lazy"></iframe>';
    var box = figure.querySelector(".tracker-embed-code");
    if (!box) {
      box = document.createElement("textarea");
      box.className = "tracker-embed-code";
      box.readOnly = true;
      box.rows = 3;
      box.setAttribute("aria-label", "Embed code");
      button.parentNode.insertAdjacentElement("afterend", box);
    }
    box.value = code;
    box.select();
    var done = function () { button.textContent = "Embed code copied"; };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(code).then(done, function () {});
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-tracker-download], [data-tracker-embed]");
    if (!button) return;
    if (button.hasAttribute("data-tracker-embed")) { copyEmbed(button); return; }
    var chart = button.closest(".tracker-figure").querySelector(".tracker-chart");
    downloadImage(chart, button.getAttribute("data-tracker-download"));
  });

  function showTools() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-tracker-download], [data-tracker-embed]"),
      function (button) { button.hidden = false; });
  }

  // A table wider than its column says so, instead of hiding what is off to the side.
  function markScrollingTables() {
    Array.prototype.forEach.call(document.querySelectorAll(".tracker-table-wrap"), function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) wrap.setAttribute("data-scrolls", "true");
      else wrap.removeAttribute("data-scrolls");
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
    markScrollingTables();
    var charts = Array.prototype.slice.call(document.querySelectorAll(".tracker-chart"));
    if (!charts.length) return;
    showTools();
    mark("charts-found");
    loadPlotly().then(function () {
      mark("plotly-ready");
      drawInTurn(charts, generation);
    }).catch(function (err) {
      charts.forEach(function (el) {
        el.setAttribute("data-error", String(err));
        // The drawing made at build time stays: it is the chart, without its tap labels.
        if (!el.querySelector(".tracker-static")) {
          el.textContent = "The chart could not be drawn; the table below has every figure.";
        }
      });
    });
  }

  function redrawAll() {
    if (!window.Plotly) return;
    document.querySelectorAll('.tracker-chart[data-drawn="true"]').forEach(render);
  }

  window.addEventListener("resize", markScrollingTables);

  new MutationObserver(redrawAll).observe(document.body, {
    attributes: true, attributeFilter: ["data-md-color-scheme"]
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(drawAll);
  } else {
    document.addEventListener("DOMContentLoaded", drawAll);
  }
})();
