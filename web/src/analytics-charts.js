// The analytics charts, drawn by Chart.js bundled into this page (no script from elsewhere).
import {
  BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';
import { clock, dayClock } from './format.js';

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
Chart.defaults.font.size = 13;
Chart.defaults.color = '#374151';
Chart.defaults.borderColor = '#e1e4ea';
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

const colours = { p50: '#3b6ea8', p90: '#d08a00', p99: '#b42318', line: '#1f4e8c', fill: 'rgba(31, 78, 140, 0.12)' };

const canvasIn = (testId) => document.querySelector(`[data-testid="${testId}"] canvas`);

const axis = (title, extra = {}) => ({ beginAtZero: true, title: { display: true, text: title }, ...extra });

export class Charts {
  constructor() {
    this.stages = new Chart(canvasIn('chart-stages'), {
      type: 'bar',
      data: {
        labels: [],
        datasets: ['p50', 'p90', 'p99'].map((label) => ({ label, data: [], backgroundColor: colours[label] })),
      },
      options: { scales: { y: axis('minutes') }, plugins: { legend: { position: 'top', align: 'end' } } },
    });
    this.throughput = new Chart(canvasIn('chart-throughput'), {
      type: 'bar',
      data: { labels: [], datasets: [{ label: 'checked out', data: [], backgroundColor: colours.p50 }] },
      options: { scales: { y: axis('visits per hour', { ticks: { precision: 0 } }) }, plugins: { legend: { display: false } } },
    });
    this.wip = new Chart(canvasIn('chart-wip'), {
      type: 'line',
      data: { labels: [], datasets: [{ label: 'in clinic', data: [], borderColor: colours.line, backgroundColor: colours.fill, fill: true, pointRadius: 0, tension: 0.2, stepped: false }] },
      options: { scales: { y: axis('patients in clinic', { ticks: { precision: 0 } }), x: { ticks: { maxTicksLimit: 12 } } }, plugins: { legend: { display: false } } },
    });
    this.rooms = new Chart(canvasIn('chart-rooms'), {
      type: 'bar',
      data: { labels: [], datasets: [{ label: 'utilisation', data: [], backgroundColor: colours.p50 }] },
      options: {
        scales: { y: axis('% of the window occupied', { max: 100 }) },
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => `${item.formattedValue}%` } } },
      },
    });
  }

  show(report) {
    const longWindow = Date.parse(report.to) - Date.parse(report.from) > 24 * 3_600_000;
    const time = longWindow ? dayClock : clock;
    const intervals = report.intervals ?? [];
    this.update(this.stages, intervals.map((i) => i.name), ['p50', 'p90', 'p99'].map((p) => intervals.map((i) => i.times?.[p] ?? null)));
    const throughput = report.throughput ?? [];
    this.update(this.throughput, throughput.map((hour) => time(hour.hourStarting)), [throughput.map((hour) => hour.checkedOut)]);
    const wip = report.workInProgress ?? [];
    this.update(this.wip, wip.map((sample) => time(sample.at)), [wip.map((sample) => sample.inClinic)]);
    const rooms = report.roomUtilisation ?? [];
    this.update(this.rooms, rooms.map((room) => room.room), [rooms.map((room) => Math.round(room.utilisation * 1000) / 10)]);
  }

  update(chart, labels, series) {
    chart.data.labels = labels;
    series.forEach((data, index) => { chart.data.datasets[index].data = data; });
    chart.update();
  }
}
