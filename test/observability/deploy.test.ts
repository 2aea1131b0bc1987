import { join } from 'node:path';
import { describeWithPromtool, promtool } from './support';

const prometheusDir = join(__dirname, '..', '..', 'deploy', 'prometheus');

describeWithPromtool('deploy/prometheus, checked by promtool', () => {
  test('`promtool check config` accepts prometheus.yml and the rule files it loads', () => {
    const { status, output } = promtool(['check', 'config', join(prometheusDir, 'prometheus.yml')]);
    expect(output).toMatch(/SUCCESS/);
    expect(status).toBe(0);
  });

  test('`promtool check rules` accepts alerts.yml', () => {
    const { status, output } = promtool(['check', 'rules', join(prometheusDir, 'alerts.yml')]);
    expect(output).toMatch(/SUCCESS: 7 rules found/);
    expect(status).toBe(0);
  });
});
