/* 站点脚本：表格排序与筛选、站内搜索初始化。没有脚本时页面照常可用（预生成的排序和筛选页面）。 */
(function () {
  "use strict";

  function cellValue(row, index, numeric) {
    var cell = row.children[index];
    var raw = cell ? (cell.getAttribute("data-value") || cell.textContent) : "";
    return numeric ? parseFloat(raw) || 0 : raw.trim();
  }

  function makeSortable(table) {
    var headers = table.querySelectorAll("thead th[data-sort]");
    var collator = new Intl.Collator("zh-CN");
    headers.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var numeric = th.getAttribute("data-sort") === "number";
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
          var order = numeric ? x - y : collator.compare(x, y);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function matches(row, key, value) {
    if (!value) { return true; }
    if (key === "text") { return row.textContent.indexOf(value.trim()) !== -1; }
    var data = row.getAttribute("data-" + key) || "";
    return (" " + data + " ").indexOf(" " + value + " ") !== -1;
  }

  function makeFilter(form) {
    var table = document.getElementById(form.getAttribute("data-filter-for"));
    if (!table) { return; }
    var controls = form.querySelectorAll("[data-filter]");
    var output = form.querySelector("output");
    function apply() {
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var ok = Array.prototype.every.call(controls, function (c) {
          return matches(row, c.getAttribute("data-filter"), c.value);
        });
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      if (output) { output.textContent = "显示 " + shown + " 条"; }
    }
    controls.forEach(function (c) { c.addEventListener("input", apply); c.addEventListener("change", apply); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function startSearch() {
    var box = document.getElementById("search");
    if (!box || typeof window.PagefindUI !== "function") { return; }
    var bundle = new URL(box.getAttribute("data-bundle"), document.baseURI).pathname;
    var base = new URL(box.getAttribute("data-base"), document.baseURI).pathname;
    new window.PagefindUI({
      element: "#search", bundlePath: bundle, baseUrl: base, showImages: false, resetStyles: false,
      translations: { placeholder: "输入关键词搜索", zero_results: "没有找到“[SEARCH_TERM]”的结果" }
    });
    var input = box.querySelector("input");
    if (input) {
      input.setAttribute("aria-label", "搜索关键词");
      input.focus();
    }
  }

  // A printout has no clicks: the records behind each score print with it. Browsers without the print style's
  // details::details-content (older Chromium kernels common on office PCs) need the details opened, then closed again.
  function openDetailsForPrint() {
    var opened = [];
    window.addEventListener("beforeprint", function () {
      opened = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
      opened.forEach(function (d) { d.open = true; });
    });
    window.addEventListener("afterprint", function () {
      opened.forEach(function (d) { d.open = false; });
      opened = [];
    });
  }

  function start() {
    openDetailsForPrint();
    document.querySelectorAll("table[data-sortable]").forEach(makeSortable);
    document.querySelectorAll("form[data-filter-for]").forEach(makeFilter);
    startSearch();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
