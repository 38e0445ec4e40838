import type { Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { DNF_TOOLS } from './util/packageCaches';
import { unpinnedRpmPackages } from './util/rpmPinning';

export const dnfPinVersions: Rule = {
  id: 'DL3041',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  shellSpecific: true,
  docs: {
    summary: 'Pin package versions in `dnf install` and `microdnf install`.',
    details:
      'Without a version, dnf installs whatever the repository offers on the day of the build, so two builds of the ' +
      'same Dockerfile can differ. Write `name-version` (`httpd-2.4.62`), and `name:stream` for `dnf module install`. ' +
      'A `.rpm` file names its version already; `dnf group install` is not checked.',
    url: hadolintWiki('DL3041'),
    bad: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
    good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
  },
  check(model, ctx) {
    return unpinnedRpmPackages(model, ctx, DNF_TOOLS, 'httpd-2.4.62');
  },
};
