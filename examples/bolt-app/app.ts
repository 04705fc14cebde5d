/**
 * A Bolt app with one slash command, `/ecs-last-stop <cluster> <service>`: why did the service's
 * last task stop? It answers in the channel with the same message the alerts use (culprit
 * container, exit code, the AWS reason, the usual fix, console links).
 *
 * The Slack and ECS clients are yours. Environment: SLACK_BOT_TOKEN (xoxb-..., scopes
 * `commands` and `chat:write`), SLACK_APP_TOKEN (xapp-..., Socket Mode, so no public URL is
 * needed), and the usual AWS credentials and Region with `ecs:ListTasks` and `ecs:DescribeTasks`.
 */
import { ECSClient } from '@aws-sdk/client-ecs';
import { App } from '@slack/bolt';
import { text } from 'ecs-slack/slack';
import { latestStoppedTask, renderTask } from './stopped-task.js';

const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  appToken: process.env.SLACK_APP_TOKEN,
  socketMode: true,
});
const ecs = new ECSClient({});

app.command('/ecs-last-stop', async ({ command, ack, respond }) => {
  // Slack wants the acknowledgement within 3 seconds; the answer follows through respond().
  await ack();
  const [cluster, service] = command.text.trim().split(/\s+/);
  if (cluster === undefined || cluster === '' || service === undefined) {
    await respond({ response_type: 'ephemeral', text: 'Usage: `/ecs-last-stop <cluster> <service>`' });
    return;
  }
  try {
    const task = await latestStoppedTask(ecs, cluster, service);
    if (task === undefined) {
      // text() escapes what the user typed: it is shown back, and must not become a mention.
      await respond({
        response_type: 'ephemeral',
        text: `No stopped task of ${text(service)} in ${text(cluster)} (ECS keeps them for about an hour).`,
      });
      return;
    }
    const { message } = renderTask(task);
    await respond({ response_type: 'in_channel', ...message });
  } catch (error) {
    // ClusterNotFoundException, AccessDeniedException, ...: the name is enough, and safe to show.
    const name = error instanceof Error ? error.name : 'Error';
    await respond({ response_type: 'ephemeral', text: `Could not read the tasks: ${text(name)}` });
  }
});

await app.start();
console.log('ecs-last-stop is running (Socket Mode)');
