// Stampede's report page: renders the run document embedded in #stampede-data (the JSON summary, with its
// history), and in the live view fetches it again every second from the URL in body[data-live].
// Text from the document is set with textContent only, never parsed as HTML.
(function () {
  "use strict";
  var liveUrl = document.body.getAttribute("data-live") || "";
  var doc = JSON.parse(document.getElementById("stampede-data").textContent);
  var charts = {};
  var selectedRow = "";
  var COLORS = { users: "#6f42c1", rps: "#0969da", failures: "#cf222e", p50: "#1a7f37", p95: "#bf8700", p99: "#cf222e" };

  function el(id) { return document.getElementById(id); }
  function num(value, decimals) {
    if (value === null || value === undefined || !isFinite(value)) return "";
    return Number(value).toLocaleString("en-US", { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
  }
  function cell(row, text, cls) {
    var td = document.createElement(row.parentNode && row.parentNode.tagName === "THEAD" ? "th" : "td");
    td.textContent = text;
    if (cls) td.className = cls;
    row.appendChild(td);
    return td;
  }
  function table(id, header, rows) {
    var t = el(id);
    t.textContent = "";
    var head = t.createTHead().insertRow();
    header.forEach(function (h) {
      var th = document.createElement("th");
      th.textContent = h;
      th.scope = "col";
      head.appendChild(th);
    });
    var body = t.createTBody();
    rows.forEach(function (r) {
      var tr = body.insertRow();
      if (r.cls) tr.className = r.cls;
      r.cells.forEach(function (c) { cell(tr, c[0], c[1]); });
    });
  }

  function renderHeader(d) {
    el("title").textContent = d.name || "Load test";
    document.title = (d.name || "Load test") + " - Stampede";
    var v = el("verdict");
    var state = d.state || (d.passed ? "passed" : "failed");
    if (state === "succeeded") state = "passed";
    var words = { passed: "PASSED", failed: "FAILED", running: "RUNNING", aborted: "ABORTED", error: "ERROR" };
    v.className = "verdict " + state;
    v.textContent = (words[state] || state.toUpperCase()) + (d.message ? ": " + d.message : "");
    var t = (d.summary && d.summary.total) || {};
    var facts = [];
    if (d.startTime) facts.push("started " + d.startTime.replace("T", " ").replace(/\.\d+Z$/, "Z"));
    if (d.durationSeconds !== undefined) facts.push(num(d.durationSeconds, 1) + " s");
    facts.push(num(t.requests, 0) + " requests");
    facts.push(num(t.failures, 0) + " failures");
    facts.push(num(t.rps, 1) + " req/s");
    var a = d.arrivals;
    if (a) facts.push(num(a.scheduled, 0) + " arrivals scheduled, " + num(a.dropped, 0) + " dropped, "
                      + num(a.late, 0) + " late");
    el("facts").textContent = facts.join(" \u00b7 ");
    renderArrivalsNote(a);
  }

  // The open model's warnings, as the console prints them: arrivals dropped for want of a free user, starts late.
  function renderArrivalsNote(a) {
    var lines = [];
    if (a && a.dropped > 0) {
      lines.push(num(a.dropped, 0) + " of " + num(a.scheduled, 0) + " arrivals (" + num(a.droppedRate * 100, 2)
                 + "%) were dropped: every one of maxUsers was busy.");
    }
    if (a && a.late > 0) {
      lines.push(num(a.late, 0) + " arrivals started late: the load generator was saturated (their latency still "
                 + "counts from the schedule).");
    }
    el("arrivals-note").hidden = lines.length === 0;
    el("arrivals-note").textContent = lines.join(" ");
  }

  function renderAnswers(d) {
    var capacity = d.capacity && d.capacity.text;
    var story = d.story && (d.story.entries || d.story);
    var notEnough = d.story && d.story.notEnoughData;
    var hasStory = Array.isArray(story) && story.length > 0 || !!notEnough;
    el("answers").hidden = !capacity && !hasStory;
    el("capacity").textContent = capacity ? "Capacity: " + capacity : "";
    el("capacity").hidden = !capacity;
    var steps = (d.capacity && d.capacity.steps) || [];
    el("capacity-steps").hidden = steps.length === 0;
    table("capacity-steps", ["Step", "Users", "Requests", "Failures", "Requests/s", "p50 (ms)", "p95 (ms)",
                             "p99 (ms)", "Result", "Breached"], steps.map(function (s) {
      return { cells: [[num(s.step, 0)], [num(s.users, 0)], [num(s.requests, 0)], [num(s.failures, 0)],
                       [num(s.rps, 1)], [num(s.p50Ms, 1)], [num(s.p95Ms, 1)], [num(s.p99Ms, 1)],
                       [s.result, s.result === "held" ? "pass" : "fail"], [(s.breached || []).join("; "), "text"]] };
    }));
    var list = el("story");
    list.textContent = "";
    if (notEnough) {
      var note = document.createElement("li");
      note.textContent = "Story: " + notEnough;
      list.appendChild(note);
    } else if (hasStory) {
      story.forEach(function (entry) {
        var li = document.createElement("li");
        var where = entry.row ? " (" + entry.row + ")" : "";
        var when = entry.at ? " at " + entry.at.elapsed + ", " + entry.at.users + " users" : "";
        li.textContent = (entry.pattern || "") + where + when + ": " + (entry.text || "");
        list.appendChild(li);
      });
      var verdict = d.story.verdict;
      if (verdict) {
        var li = document.createElement("li");
        li.textContent = "Verdict: " + verdict;
        list.appendChild(li);
      }
    }
  }

  function renderThresholds(d) {
    var results = d.thresholds || [];
    el("thresholds-section").hidden = results.length === 0;
    table("thresholds", ["Threshold", "Request", "Observed", "Verdict"], results.map(function (r) {
      return { cells: [[r.expr, "text"], [r.request || "all requests", "text"], [r.observed || ""],
                       [r.passed ? "passed" : "breached", r.passed ? "pass" : "fail"]] };
    }));
  }

  function statsCells(name, r) {
    return [[name, "text"], [num(r.requests, 0)], [num(r.failures, 0)], [num(r.p50Ms, 1)], [num(r.p90Ms, 1)],
            [num(r.p95Ms, 1)], [num(r.p99Ms, 1)], [num(r.avgMs, 1)], [num(r.minMs, 1)], [num(r.maxMs, 1)],
            [num(r.rps, 2)]];
  }

  function renderRows(d) {
    var s = d.summary || { requests: [], total: {} };
    var rows = (s.requests || []).map(function (r) { return { cells: statsCells(r.name, r) }; });
    rows.push({ cls: "aggregate", cells: statsCells("Aggregated", s.total || {}) });
    table("rows", ["Request", "Requests", "Failures", "Median (ms)", "p90 (ms)", "p95 (ms)", "p99 (ms)",
                   "Average (ms)", "Min (ms)", "Max (ms)", "Requests/s"], rows);
    var failures = d.failures || [];
    el("failures-section").hidden = failures.length === 0;
    table("failures", ["Request", "Cause", "Occurrences"], failures.map(function (f) {
      return { cells: [[f.request, "text"], [f.error, "text"], [num(f.occurrences, 0)]] };
    }));
    var g = d.generator;
    el("generator-section").hidden = !g;
    if (g) {
      el("generator").textContent = g.message ? g.message
          : "Kept up: CPU up to " + num(g.peakCpuPercent, 0) + "% of " + g.cores + " cores, event loops at most "
            + num(g.loopLagMaxMs, 0) + " ms late.";
    }
    var select = el("row-select");
    var names = ((d.history && d.history.rows) || []).map(function (r) { return r.name; });
    var have = Array.prototype.map.call(select.options, function (o) { return o.value; });
    names.forEach(function (n) {
      if (have.indexOf(n) < 0) {
        var o = document.createElement("option");
        o.value = n;
        o.textContent = n;
        select.appendChild(o);
      }
    });
  }

  // The series of the chosen row (or the aggregate): x = elapsed seconds.
  function series(h) {
    var src = h;
    if (selectedRow) {
      src = (h.rows || []).filter(function (r) { return r.name === selectedRow; })[0] || h;
    }
    return {
      x: h.elapsedSeconds || [],
      users: h.users || [],
      requests: src.requests || [],
      failures: src.failures || [],
      p50: src.p50Ms || [], p95: src.p95Ms || [], p99: src.p99Ms || []
    };
  }

  // Seconds in which the generator was saturated or stalled: shaded so nobody mistakes them for the server's.
  function shadeSeconds(marked) {
    return function (u) {
      if (!marked || !marked.length) return;
      var ctx = u.ctx;
      ctx.save();
      ctx.fillStyle = "rgba(191, 135, 0, 0.18)";
      marked.forEach(function (second) {
        var left = u.valToPos(second - 1, "x", true);
        var right = u.valToPos(second, "x", true);
        ctx.fillRect(left, u.bbox.top, Math.max(1, right - left), u.bbox.height);
      });
      ctx.restore();
    };
  }

  function chartWidth() {
    return Math.max(280, Math.min(document.body.clientWidth - 40, 1160));
  }

  function makeChart(id, yLabel, defs, data, marked) {
    var opts = {
      width: chartWidth(),
      height: 220,
      scales: { x: { time: false } },
      axes: [{ label: "elapsed (s)" }, { label: yLabel }],
      series: [{ label: "elapsed (s)" }].concat(defs.map(function (d) {
        return { label: d.label, stroke: d.color, width: 1.5, spanGaps: false,
                 value: function (u, v) { return v === null || v === undefined ? "-" : num(v, 1); } };
      })),
      hooks: { drawClear: [shadeSeconds(marked)] }
    };
    var host = el(id);
    host.textContent = "";
    return new uPlot(opts, data, host);
  }

  function renderCharts(d) {
    var h = d.history;
    var hasHistory = h && h.elapsedSeconds && h.elapsedSeconds.length > 0;
    el("no-history").hidden = !!hasHistory;
    if (!hasHistory || typeof uPlot === "undefined") return;
    var s = series(h);
    var marked = h.saturatedSeconds || [];
    var note = el("saturation-note");
    note.hidden = marked.length === 0;
    note.textContent = marked.length ? "Shaded: " + marked.length + " s in which the load generator itself was "
        + "saturated or stalled; latencies there include its own delay." : "";
    var sets = {
      "chart-users": { label: "users", defs: [{ label: "users", color: COLORS.users }], data: [s.x, s.users] },
      "chart-rps": { label: "per second", defs: [{ label: "requests/s", color: COLORS.rps },
                                                 { label: "failures/s", color: COLORS.failures }],
                     data: [s.x, s.requests, s.failures] },
      "chart-latency": { label: "ms", defs: [{ label: "p50", color: COLORS.p50 }, { label: "p95", color: COLORS.p95 },
                                             { label: "p99", color: COLORS.p99 }],
                         data: [s.x, s.p50, s.p95, s.p99] }
    };
    var openModel = Array.isArray(h.scheduled);
    el("arrivals-figure").hidden = !openModel;
    if (openModel) {
      sets["chart-arrivals"] = { label: "per second", defs: [{ label: "scheduled", color: COLORS.rps },
                                                              { label: "dropped", color: COLORS.failures },
                                                              { label: "late", color: COLORS.p95 }],
                                 data: [s.x, h.scheduled, h.dropped || [], h.late || []] };
    }
    Object.keys(sets).forEach(function (id) {
      var set = sets[id];
      if (charts[id] && charts[id].series.length === set.data.length) {
        charts[id].setData(set.data);
      } else {
        if (charts[id]) charts[id].destroy();
        charts[id] = makeChart(id, set.label, set.defs, set.data, marked);
      }
    });
  }

  function renderDownloads(d) {
    var links = d.downloads || [];
    el("downloads-section").hidden = links.length === 0;
    var list = el("downloads");
    list.textContent = "";
    links.forEach(function (link) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = link.href;
      a.textContent = link.label;
      a.setAttribute("download", "");
      li.appendChild(a);
      list.appendChild(li);
    });
  }

  function render(d) {
    doc = d;
    renderHeader(d);
    renderAnswers(d);
    renderThresholds(d);
    renderRows(d);
    renderCharts(d);
    renderDownloads(d);
  }

  el("row-select").addEventListener("change", function (e) {
    selectedRow = e.target.value;
    Object.keys(charts).forEach(function (id) { charts[id].destroy(); delete charts[id]; });
    renderCharts(doc);
  });
  window.addEventListener("resize", function () {
    Object.keys(charts).forEach(function (id) { charts[id].setSize({ width: chartWidth(), height: 220 }); });
  });

  function poll() {
    var xhr = new XMLHttpRequest();
    xhr.open("GET", liveUrl);
    xhr.onload = function () {
      if (xhr.status === 200) {
        var d = JSON.parse(xhr.responseText);
        render(d);
        el("live-state").textContent = d.state === "running" ? "updated every second" : "the run has ended";
        el("stop").disabled = d.state !== "running";
        if (d.state !== "running") return;
      }
      setTimeout(poll, 1000);
    };
    xhr.onerror = function () {
      el("live-state").textContent = "the run's server does not answer (it has ended)";
      el("stop").disabled = true;
    };
    xhr.send();
  }

  // POST .../stop; a master reached over the network asks for the run's token (401), which is then sent along.
  function stop(token) {
    var xhr = new XMLHttpRequest();
    xhr.open("POST", liveUrl.replace(/live$/, "stop"));
    if (token) xhr.setRequestHeader("Authorization", "Bearer " + token);
    xhr.onload = function () {
      if (xhr.status === 401 && !token) {
        var given = window.prompt("This master needs the run's token (STAMPEDE_TOKEN) to stop the run:");
        if (given) stop(given.trim());
        return;
      }
      el("live-state").textContent = xhr.status === 202 ? "stopping..." : "could not stop the run (HTTP " + xhr.status + ")";
      el("stop").disabled = xhr.status === 202;
    };
    xhr.send();
  }

  render(doc);
  if (liveUrl) {
    el("controls").hidden = false;
    el("stop").addEventListener("click", function () {
      if (!window.confirm("Stop the run? In-flight requests finish and the reports are written.")) return;
      stop(null);
    });
    poll();
  }
})();
