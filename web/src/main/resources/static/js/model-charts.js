/*
 * The charts of a model training's page (ROC and precision-recall curves, feature importance), drawn with ECharts
 * (served from its WebJar) from the JSON each chart's element carries in data-chart: the Content-Security-Policy
 * refuses inline scripts. Colours come from the console's CSS custom properties (through /js/charts.js), so the
 * charts follow the light or dark scheme, and are drawn again when the scheme changes. Tooltips are left out:
 * ECharts' HTML tooltips carry inline style, which the policy refuses too.
 */
(function () {
  'use strict';

  function palette() {
    var css = VigilCharts.css;
    return {
      fg: css('--fg', '#1d2330'),
      muted: css('--muted', '#5f6b7a'),
      line: css('--line', '#dde2ea'),
      series: [css('--chart-1', '#2f6fdf'), css('--chart-2', '#c26a00'), css('--chart-3', '#7a5ab8')]
    };
  }

  function axis(p, name, gap) {
    return {
      name: name, nameLocation: 'middle', nameGap: gap, nameTextStyle: {color: p.fg},
      axisLine: {lineStyle: {color: p.muted}}, axisTick: {lineStyle: {color: p.muted}},
      axisLabel: {color: p.muted}, splitLine: {lineStyle: {color: p.line}}
    };
  }

  function curve(spec, p) {
    var series = spec.series.map(function (s) {
      return {name: s.name, type: 'line', data: s.points, showSymbol: false, lineStyle: {width: 2}};
    });
    if (spec.diagonal) {
      series.push({name: 'Chance', type: 'line', data: [[0, 0], [1, 1]], showSymbol: false, silent: true,
        color: p.muted, lineStyle: {type: 'dashed', width: 1}});
    }
    var x = axis(p, spec.x, 28);
    var y = axis(p, spec.y, 40);
    x.type = y.type = 'value';
    x.min = y.min = 0;
    x.max = y.max = 1;
    return {
      animation: false, backgroundColor: 'transparent', color: p.series, textStyle: {color: p.fg},
      legend: {top: 0, textStyle: {color: p.fg}}, grid: {left: 56, right: 20, top: 40, bottom: 48},
      xAxis: x, yAxis: y, series: series
    };
  }

  function bars(spec, p) {
    var x = axis(p, spec.x, 28);
    x.type = 'value';
    var y = axis(p, '', 0);
    y.type = 'category';
    y.data = spec.names.slice().reverse();
    y.axisLabel = {color: p.fg, fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace'};
    return {
      animation: false, backgroundColor: 'transparent', textStyle: {color: p.fg},
      grid: {left: 8, right: 24, top: 8, bottom: 44, containLabel: true},
      xAxis: x, yAxis: y,
      series: [{type: 'bar', data: spec.values.slice().reverse(), itemStyle: {color: p.series[0]}, barMaxWidth: 18}]
    };
  }

  function draw(element) {
    var spec = JSON.parse(element.getAttribute('data-chart'));
    var p = palette();
    var chart = echarts.getInstanceByDom(element) || echarts.init(element);
    chart.setOption(spec.kind === 'bars' ? bars(spec, p) : curve(spec, p), true);
    element.setAttribute('data-drawn', 'true');
  }

  VigilCharts.register('.chart[data-chart]', draw);
})();
