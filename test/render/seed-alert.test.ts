/**
 * The alert this project starts from: "image_inferrer is unable to consistently start tasks
 * successfully", with a red border, a siren, the cluster and service, and "View in console",
 * from the defaults alone (no policy, no options).
 */
import { describe, expect, it } from 'vitest';
import { classify, parseEcsEvent, renderMessage } from '../../src/index.js';
import { renderAmazonQ } from '../../src/amazon-q/index.js';
import { validateMessage } from '../helpers/block-kit.js';
import { loadFixture } from '../helpers/fixtures.js';

const seed = () => parseEcsEvent(loadFixture('service', 'service-task-start-impaired'));
const HEALTH =
  'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/catalogue-2023-03-09/services/image_inferrer/health?region=eu-west-1';

describe('the seed alert, from the defaults', () => {
  it('is an error', () => {
    expect(classify(seed())).toMatchObject({ outcome: 'task-start-impaired', severity: 'error' });
  });

  it('renders red, with the siren, the cluster and service, and "View in console" on the service page', () => {
    const message = renderMessage(seed());
    expect(validateMessage(message)).toEqual([]);
    expect(message.text).toBe('image_inferrer is unable to consistently start tasks successfully');
    expect(message.blocks?.[0]).toMatchObject({
      type: 'header',
      text: { text: ':rotating_light: image_inferrer: unable to start tasks' },
    });
    expect(message.attachments?.[0]?.color).toBe('#E01E5A');
    const body = JSON.stringify(message.attachments);
    expect(body).toContain('*Cluster*\\n<https://');
    expect(body).toContain('|catalogue-2023-03-09>');
    expect(body).toContain('|image_inferrer>');
    expect(body).toContain(`:link: <${HEALTH}|View in console>`);
  });

  it('says the same through Amazon Q', () => {
    const notification = renderAmazonQ(seed());
    expect(notification.content.title).toBe(':rotating_light: image_inferrer: unable to start tasks');
    expect(notification.content.description).toContain(`[View in console](${HEALTH})`);
    expect(notification.content.keywords).toEqual([
      'catalogue-2023-03-09',
      'image_inferrer',
      'task-start-impaired',
      'error',
    ]);
  });

  it('links the page where the operator acts, in every partition with a console', () => {
    const event = loadFixture('service', 'service-task-start-impaired') as any;
    event.region = 'cn-north-1';
    event.resources = ['arn:aws-cn:ecs:cn-north-1:760097843905:service/catalogue-2023-03-09/image_inferrer'];
    event.detail.clusterArn = 'arn:aws-cn:ecs:cn-north-1:760097843905:cluster/catalogue-2023-03-09';
    const body = JSON.stringify(renderMessage(parseEcsEvent(event)));
    expect(body).toContain(
      '<https://cn-north-1.console.amazonaws.cn/ecs/v2/clusters/catalogue-2023-03-09/services/image_inferrer/health?region=cn-north-1|View in console>',
    );
  });
});
