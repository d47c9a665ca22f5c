// An administrator's background job (a re-resolution, or its dry run), followed until it ends.
import {get} from './api.js';

const POLL_MS = 1000;

/**
 * Polls job jobId and tells its progress in answer (a notice) while it runs; when it is done, says what done(job)
 * makes of it. Stops when the page that shows answer was left.
 */
export async function followJob(jobId, answer, running, done) {
  try {
    const {data: job} = await get('/admin/jobs/' + encodeURIComponent(jobId));
    if (!answer.el.isConnected) return;
    if (job.state === 'running') {
      answer.ok(running + ': ' + job.phase + (job.total ? ' ' + job.done + ' / ' + job.total : '') + ' …');
      setTimeout(() => followJob(jobId, answer, running, done), POLL_MS);
    } else if (job.state === 'done') {
      done(job);
    } else {
      answer.fail({title: running + ' failed', detail: job.error || job.state});
    }
  } catch (error) {
    answer.fail(error);
  }
}
