import type { Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { YUM_TOOLS } from './util/packageCaches';
import { unpinnedRpmPackages } from './util/rpmPinning';

export const yumPinVersions: Rule = {
  id: 'DL3033',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  shellSpecific: true,
  docs: {
    summary: 'Pin package versions in `yum install`.',
    details:
      'Without a version, `yum install httpd` installs whatever the repository offers on the day of the build, so two ' +
      'builds of the same Dockerfile can differ. Write `name-version` (`httpd-2.4.6`), and `name:stream` for ' +
      '`yum module install`. A `.rpm` file names its version already.',
    url: hadolintWiki('DL3033'),
    bad: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
    good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
  },
  check(model, ctx) {
    return unpinnedRpmPackages(model, ctx, YUM_TOOLS, 'httpd-2.4.6');
  },
};
