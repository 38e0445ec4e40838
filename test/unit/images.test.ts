import * as assert from 'node:assert/strict';
import { dockerignoreMatcher } from '../../server/src/buildContext';
import {
  describeTag,
  isOfficial,
  officialImage,
  officialImages,
  registryName,
  repositoryPage,
  splitImageReference,
} from '../../server/src/docs/images';

describe('offline image data', () => {
  it('lists 40–60 official images, each once, with 2–6 tags and a summary', () => {
    assert.ok(officialImages.length >= 40 && officialImages.length <= 65, `${officialImages.length} images`);
    assert.equal(new Set(officialImages.map((i) => i.name)).size, officialImages.length);
    for (const image of officialImages) {
      assert.ok(image.tags.length >= 2 && image.tags.length <= 6, `${image.name}: ${image.tags.length} tags`);
      assert.equal(new Set(image.tags).size, image.tags.length, `${image.name}: duplicate tag`);
      assert.ok(image.summary.length > 10, image.name);
      for (const tag of image.tags) assert.match(tag, /^[\w][\w.-]{0,127}$/, `${image.name}:${tag} is not a valid tag`);
    }
  });

  it('finds an image with or without docker.io/library/', () => {
    assert.equal(officialImage('docker.io/library/nginx')?.name, 'nginx');
    assert.equal(officialImage('library/node')?.name, 'node');
    assert.equal(officialImage('bitnami/redis'), undefined);
  });

  it('splits references into registry, namespace, name, tag and digest', () => {
    assert.deepEqual(splitImageReference('nginx'), {
      registry: undefined,
      namespace: undefined,
      name: 'nginx',
      tag: undefined,
      digest: undefined,
    });
    assert.deepEqual(splitImageReference('localhost:5000/team/app:1.0@sha256:abc'), {
      registry: 'localhost:5000',
      namespace: 'team',
      name: 'app',
      tag: '1.0',
      digest: 'sha256:abc',
    });
    assert.deepEqual(splitImageReference('bitnami/redis:7'), {
      registry: undefined,
      namespace: 'bitnami',
      name: 'redis',
      tag: '7',
      digest: undefined,
    });
  });

  it('knows which images are official and where their pages are', () => {
    assert.ok(isOfficial(splitImageReference('python:3.13')));
    assert.ok(isOfficial(splitImageReference('docker.io/library/python')));
    assert.ok(!isOfficial(splitImageReference('ghcr.io/python/python')));
    assert.ok(!isOfficial(splitImageReference('someone/python')));
    assert.equal(
      repositoryPage(splitImageReference('quay.io/prometheus/node-exporter')),
      'https://quay.io/repository/prometheus/node-exporter',
    );
    assert.equal(repositoryPage(splitImageReference('registry.internal:5000/app')), undefined);
    assert.equal(registryName('123456789012.dkr.ecr.eu-west-1.amazonaws.com'), 'Amazon Elastic Container Registry (private)');
  });

  it('explains tags from their parts', () => {
    assert.match(describeTag('22-alpine'), /version line 22.*Alpine/);
    assert.match(describeTag('3.13-slim-bookworm'), /version line 3\.13.*slim.*Debian 12/);
    assert.match(describeTag('1.2.3'), /exact version 1\.2\.3/);
    assert.match(describeTag('latest'), /pin a version/);
  });
});

describe('.dockerignore matching', () => {
  it('follows Docker: anchored patterns, ** , last match wins, ! re-includes, folders exclude their contents', () => {
    const ignored = dockerignoreMatcher(['node_modules', '*.md', '!README.md', '**/*.log', 'build/', 'docs/**', '!docs/keep.txt']);
    assert.ok(ignored('node_modules'));
    assert.ok(ignored('node_modules/x/index.js'));
    assert.ok(ignored('notes.md'));
    assert.ok(!ignored('README.md'));
    assert.ok(!ignored('sub/notes.md'), '*.md is anchored at the context root');
    assert.ok(ignored('a/b/c.log'));
    assert.ok(ignored('build/out.js'));
    assert.ok(ignored('docs/a.txt'));
    assert.ok(!ignored('docs/keep.txt'));
    assert.ok(!ignored('src/main.ts'));
    assert.ok(!dockerignoreMatcher([])('anything'));
  });

  it('is case-sensitive like a Linux builder', () => {
    assert.ok(!dockerignoreMatcher(['secret.env'])('Secret.env'));
  });
});
