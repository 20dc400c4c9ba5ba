/* Draws a report page's charts with Apache ECharts (inlined before this script) from the figures the
   page embeds as JSON in #report-data, and runs the leaderboard's city filter. Every number shown
   comes from that JSON, written by the warehouse from gold; nothing is computed here.
   Charts use the SVG renderer without animation: sharp on paper, complete the moment the page
   has loaded (the PDF is printed then). <html data-charts> counts the charts drawn. */
(function () {
  'use strict';
  var FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
  var COLOURS = { ahead: '#2e7d32', 'on-pace': '#1565c0', behind: '#c62828', self: '#e08a00', other: '#8fa7c2',
    line: '#0b5394', rank: '#7b4bb3' };
  var charts = [];
  var PRINT = window.matchMedia('print').matches;   // the PDF printer lays pages out as print from the start

  function draw(id, option) {
    var el = document.getElementById(id);
    if (!el) {
      return;
    }
    var chart = echarts.init(el, null, { renderer: 'svg' });
    option.animation = false;
    option.textStyle = { fontFamily: FONT };
    chart.setOption(option);
    charts.push(chart);
  }

  function trajectory(t) {
    draw('chart-trajectory', {
      grid: { left: 48, right: 56, top: 44, bottom: 28 },
      legend: { data: ['综合得分', '全省排名'], top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: t.months, boundaryGap: true },
      yAxis: [
        { type: 'value', name: '得分', min: 0, max: 120, interval: 20 },
        { type: 'value', name: '名次', inverse: true, min: 1, max: Math.max(t.provinceRanked, 1),
          splitLine: { show: false } }
      ],
      series: [
        { name: '综合得分', type: 'line', data: t.scores, yAxisIndex: 0, connectNulls: false, symbolSize: 8,
          lineStyle: { width: 3, color: COLOURS.line }, itemStyle: { color: COLOURS.line },
          label: { show: true, position: 'top', formatter: function (p) { return p.value.toFixed(2); } } },
        { name: '全省排名', type: 'line', data: t.ranks, yAxisIndex: 1, connectNulls: false, symbolSize: 7,
          lineStyle: { width: 2, type: 'dashed', color: COLOURS.rank }, itemStyle: { color: COLOURS.rank },
          label: { show: true, position: 'bottom', formatter: '第{c}名', color: COLOURS.rank } }
      ]
    });
  }

  function pace(p) {
    draw('chart-pace', {
      grid: { left: 8, right: 64, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', formatter: function (x) { return x.name + '：' + p.labels[x.dataIndex]; } },
      xAxis: { type: 'value', min: 0, max: 200, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: p.names, inverse: true },
      series: [{
        type: 'bar', barMaxWidth: 18,
        data: p.values.map(function (v, i) { return { value: v, itemStyle: { color: COLOURS[p.statuses[i]] } }; }),
        label: { show: true, position: 'right', formatter: function (x) { return p.labels[x.dataIndex]; } },
        markLine: { symbol: 'none', silent: true, data: [{ xAxis: 100 }],
          lineStyle: { color: '#1d2733', type: 'solid', width: 1.5 }, label: { position: 'end', formatter: '序时进度' } }
      }]
    });
  }

  function city(c) {
    // One bar a county: sized before drawing, so the chart is drawn once.
    var el = document.getElementById('chart-city');
    if (el) {
      el.style.height = Math.max(140, (PRINT ? 19 : 26) * c.names.length + 40) + 'px';
    }
    draw('chart-city', {
      grid: { left: 8, right: 150, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 120 },
      yAxis: { type: 'category', data: c.names, inverse: true },
      series: [{
        type: 'bar', barMaxWidth: 16,
        // An unscored county gets no bar but keeps its label (未评分).
        data: c.scores.map(function (v, i) {
          return { value: v === null ? 0 : v, itemStyle: { color: i === c.self ? COLOURS.self : COLOURS.other } };
        }),
        label: { show: true, position: 'right', formatter: function (x) { return c.labels[x.dataIndex]; } }
      }]
    });
  }

  function leaderboard(l) {
    var bands = l.bands.map(function (b) {
      return { yAxis: b.min, label: { formatter: b.grade + ' ≥ ' + b.min, position: 'insideEndTop' } };
    });
    draw('chart-leaderboard', {
      grid: { left: 40, right: 16, top: 16, bottom: 64 },
      tooltip: { trigger: 'item', formatter: function (x) {
        return x.data[2] + '（' + l.cities[x.data[0]] + '）<br>' + x.data[1].toFixed(2) + ' ' + x.data[3] + ' 全省第' + x.data[4] + '名';
      } },
      xAxis: { type: 'category', data: l.cities, axisLabel: { interval: 0, rotate: 40 } },
      yAxis: { type: 'value', name: '得分', min: function (v) { return Math.max(0, Math.floor(v.min / 10) * 10 - 10); }, max: 120 },
      series: [{ type: 'scatter', symbolSize: 9, data: l.points, itemStyle: { color: COLOURS.line, opacity: 0.75 },
        markLine: { symbol: 'none', silent: true, data: bands, lineStyle: { color: '#b26a00', type: 'dashed' } } }]
    });
    wireLeaderboardControls();
  }

  /* City filter and "by rank / by city" view: rows and city sections carry data-city. */
  function wireLeaderboardControls() {
    var select = document.getElementById('city-filter');
    var views = document.querySelectorAll('input[name="view"]');
    function apply() {
      var cityCode = select.value;
      document.querySelectorAll('[data-city]').forEach(function (el) {
        el.hidden = cityCode !== '' && el.getAttribute('data-city') !== cityCode;
      });
      var chosen = document.querySelector('input[name="view"]:checked').value;
      document.querySelectorAll('.view').forEach(function (el) { el.hidden = el.id !== chosen; });
    }
    select.addEventListener('change', apply);
    views.forEach(function (v) { v.addEventListener('change', apply); });
    apply();
  }

  /* Draws the charts of the report now in the page, from its #report-data. */
  function render() {
    var data = JSON.parse(document.getElementById('report-data').textContent);
    if (data.kind === 'county') {
      trajectory(data.trajectory);
      pace(data.pace);
      city(data.city);
    } else if (data.kind === 'leaderboard') {
      leaderboard(data);
    }
    document.documentElement.setAttribute('data-charts', String(charts.length));
  }

  function resize() { charts.forEach(function (c) { c.resize(); }); }
  window.addEventListener('resize', resize);
  window.addEventListener('beforeprint', resize);

  /* For the PDF printer: shows another report page of the same run in place of this one — its
     styles, its body, its charts — so the browser need not load ECharts again for every PDF (a
     quarter of the work per PDF). The new page's scripts are not run: this one draws its charts. */
  window.tianfuReport = {
    show: function (html) {
      charts.forEach(function (c) { c.dispose(); });
      charts = [];
      var next = new DOMParser().parseFromString(html, 'text/html');
      next.querySelectorAll('script:not([type])').forEach(function (s) { s.remove(); });
      document.title = next.title;
      document.head.querySelectorAll('style').forEach(function (s) { s.remove(); });
      next.head.querySelectorAll('style').forEach(function (s) { document.head.appendChild(document.adoptNode(s)); });
      document.body.replaceWith(document.adoptNode(next.body));
      window.scrollTo(0, 0);
      render();
      return charts.length;
    }
  };
  render();
}());
