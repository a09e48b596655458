/*
 * What the console's ECharts drawings share (loaded after ECharts and before the page's own script): the colours of
 * the console's CSS custom properties, and the redrawing of every chart of a page whenever htmx swaps content in,
 * whenever the colour scheme changes (so a chart follows light and dark), and a resize when the window does.
 */
var VigilCharts = (function () {
  'use strict';

  /** The value of one of the console's CSS custom properties (--fg, --surface, ...). */
  function css(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  /** Draws every element matching the selector with draw(element), now and whenever it should be drawn again. */
  function register(selector, draw) {
    function drawAll(root) {
      root.querySelectorAll(selector).forEach(draw);
    }

    htmx.onLoad(drawAll);
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', function () {
      drawAll(document);
    });
    window.addEventListener('resize', function () {
      document.querySelectorAll(selector).forEach(function (element) {
        var chart = echarts.getInstanceByDom(element);
        if (chart) {
          chart.resize();
        }
      });
    });
  }

  return {css: css, register: register};
}());
