/* Dashboard charts (ECharts); clicking any bar or slice opens the forms behind it. */
(function () {
  "use strict";
  var box = document.getElementById("charts");
  if (!box || !window.echarts) return;
  function drill(ids) { if (ids && ids.length) window.location = box.dataset.drill + "?ids=" + ids.join(","); }
  function chart(id, option, idsOf) {
    var c = echarts.init(document.getElementById(id));
    c.setOption(option);
    c.on("click", function (p) { drill(idsOf(p)); });
    window.addEventListener("resize", function () { c.resize(); });
  }
  function bars(id, items, color) {
    chart(id, {tooltip: {}, grid: {left: 40, right: 10, bottom: 40},
      xAxis: {type: "category", data: items.map(function (x) { return x.label; })},
      yAxis: {type: "value", minInterval: 1},
      series: [{type: "bar", color: color, data: items.map(function (x) { return x.ids.length; })}]},
      function (p) { return items[p.dataIndex].ids; });
  }
  fetch(box.dataset.src, {credentials: "same-origin"}).then(function (r) { return r.json(); }).then(function (d) {
    document.getElementById("dash-count").textContent = d.count;
    chart("chart-budget", {tooltip: {trigger: "axis"}, legend: {top: 0}, grid: {left: 80, right: 10, top: 30, bottom: 90},
      xAxis: {type: "category", data: d.units.map(function (u) { return u.name; }), axisLabel: {rotate: 30}},
      yAxis: {type: "value"},
      series: [{name: box.dataset.budget, type: "bar", data: d.units.map(function (u) { return Number(u.budget); })},
               {name: box.dataset.executed, type: "bar", data: d.units.map(function (u) { return Number(u.executed); })}]},
      function (p) { return d.units[p.dataIndex].ids; });
    bars("chart-rates", d.rates, "#2e6fb7");
    bars("chart-scores", d.scores, "#8c1c13");
    chart("chart-grades", {tooltip: {}, series: [{type: "pie", radius: "65%",
      data: d.grades.map(function (g) { return {name: g.label, value: g.ids.length}; })}]},
      function (p) { return d.grades[p.dataIndex].ids; });
    chart("chart-gaps", {tooltip: {}, grid: {left: 160, right: 20},
      yAxis: {type: "category", data: d.gaps.map(function (g) { return g.name; }), inverse: true},
      xAxis: {type: "value"}, series: [{type: "bar", color: "#c48a00", data: d.gaps.map(function (g) { return Number(g.gap); })}]},
      function (p) { return [d.gaps[p.dataIndex].id]; });
    chart("chart-findings", {tooltip: {}, grid: {left: 160, right: 20},
      yAxis: {type: "category", data: d.findings.map(function (f) { return f.name; }), inverse: true},
      xAxis: {type: "value", minInterval: 1}, series: [{type: "bar", color: "#b3261e", data: d.findings.map(function (f) { return f.count; })}]},
      function (p) { return [d.findings[p.dataIndex].id]; });
  });
})();
