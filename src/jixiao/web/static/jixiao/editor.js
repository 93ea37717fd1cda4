/* The form editor: row controls and the live preview (score, issues, target readings).
   Every change posts the editor's inputs to the preview endpoint, which runs the same
   scoring and audit as the server does on save; nothing is computed here. */
(function () {
  "use strict";
  var form = document.getElementById("editor");
  if (!form) return;
  var body = document.getElementById("indicators");
  var template = document.getElementById("ind-template");
  var status = document.getElementById("preview-status");
  var timer = null, seq = 0;

  function text(el, value) { if (el) el.textContent = value == null || value === "" ? "—" : value; }

  function rows() { return Array.prototype.slice.call(body.querySelectorAll("tr.ind")); }

  body.addEventListener("click", function (ev) {
    var btn = ev.target.closest("button");
    if (!btn) return;
    var row = btn.closest("tr.ind");
    if (btn.classList.contains("remove")) row.remove();
    else if (btn.classList.contains("up") && row.previousElementSibling && row.previousElementSibling.classList.contains("ind")) row.parentNode.insertBefore(row, row.previousElementSibling);
    else if (btn.classList.contains("down") && row.nextElementSibling) row.parentNode.insertBefore(row.nextElementSibling, row);
    schedule();
  });
  document.getElementById("add-indicator").addEventListener("click", function () {
    body.appendChild(template.content.firstElementChild.cloneNode(true));
    var inputs = rows()[rows().length - 1].querySelectorAll("input");
    if (inputs.length) inputs[0].focus();
    schedule();
  });

  function renderIssues(result) {
    var list = document.getElementById("issues");
    var typed = {};
    list.querySelectorAll("input[name^='ack.']").forEach(function (i) { typed[i.name] = i.value; });
    list.innerHTML = "";
    if (!result.issues.length) {
      var none = document.createElement("li"); none.className = "muted"; none.textContent = "✓"; list.appendChild(none);
    }
    result.issues.forEach(function (issue) {
      var li = document.createElement("li");
      li.className = "sev-" + issue.severity + (issue.blocking ? " blocking" : "");
      li.dataset.key = issue.key;
      var code = document.createElement("code"); code.textContent = issue.code; li.appendChild(code);
      if (issue.location && issue.location.field) {
        var f = document.createElement("span"); f.className = "field"; f.textContent = " " + issue.location.field; li.appendChild(f);
      }
      li.appendChild(document.createTextNode(" " + issue.message));
      if (issue.remedy) { var r = document.createElement("div"); r.className = "remedy"; r.textContent = issue.remedy; li.appendChild(r); }
      if (issue.severity === "warning" && !issue.blocking) {
        var label = document.createElement("label"); label.className = "ack"; label.textContent = "✎ ";
        var input = document.createElement("input"); input.name = "ack." + issue.key;
        input.value = typed[input.name] !== undefined ? typed[input.name] : (issue.ack || "");
        label.appendChild(input); li.appendChild(label);
      }
      list.appendChild(li);
    });
  }

  function render(result) {
    var score = result.score || {};
    text(document.getElementById("computed-total"), score.total);
    var grade = document.getElementById("grade");
    text(grade, score.grade);
    grade.className = "grade grade-" + (score.grade || "none");
    text(document.getElementById("execution-score"), score.execution_score);
    text(document.getElementById("computed-execution"), score.execution_score);
    document.getElementById("error-count").textContent = result.errors;
    document.getElementById("warning-count").textContent = result.warnings;
    document.getElementById("blocking-count").textContent = result.blocking;
    var computed = {};
    (score.indicators || []).forEach(function (c) { computed[c.index] = c; });
    var i = 0;
    rows().forEach(function (row) {
      var filled = Array.prototype.some.call(row.querySelectorAll("input,textarea"), function (el) { return el.value.trim() !== ""; });
      var reading = row.querySelector(".reading"), cell = row.querySelector(".computed");
      if (!filled) { reading.textContent = ""; cell.textContent = ""; return; }
      reading.textContent = result.targets[i] || "";
      var c = computed[i];
      cell.textContent = c && c.score != null ? c.score : "";
      cell.title = c ? (c.explanation || "") : "";
      row.className = "ind status-" + (c ? c.status : "none");
      i += 1;
    });
    renderIssues(result);
  }

  function preview() {
    var mine = ++seq;
    status.textContent = "…";
    fetch(form.dataset.preview, {method: "POST", body: new FormData(form), credentials: "same-origin",
                                 headers: {"X-Requested-With": "fetch"}})
      .then(function (r) { return r.json(); })
      .then(function (result) { if (mine === seq) { render(result); status.textContent = ""; } })
      .catch(function () { status.textContent = "⚠"; });
  }

  /* Highlight fields the importer read with low confidence: "funds.total.executed" is an
     input of that name, "indicators[3].target" the target input of the fourth row. */
  var lowData = document.getElementById("low-confidence");
  (lowData ? JSON.parse(lowData.textContent) : []).forEach(function (path) {
    var m = /^indicators\[(\d+)\]\.(\w+)$/.exec(path), el = null;
    if (m) {
      var row = rows()[Number(m[1])];
      el = row ? row.querySelector("[name='ind." + m[2] + "']") : null;
    } else {
      el = form.querySelector("[name='" + path.replace(/'/g, "") + "']");
    }
    if (el) { el.classList.add("lowconf"); el.title = "识别置信度低，请核对"; }
  });

  function schedule() { clearTimeout(timer); timer = setTimeout(preview, 250); }
  form.addEventListener("input", function (ev) {
    if (ev.target.name && ev.target.name.indexOf("ack.") === 0) return;
    schedule();
  });
})();
