/** @odoo-module **/
// Settings, Create Contacts: the background runs and their progress, refreshed
// while the page is open (no reload needed).
import { Component, onWillStart, onWillUnmount, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";

const FIELDS = ["name", "state", "done_count", "total_count", "progress", "error", "link_to"];
// the runs of each place of Settings: Create Contacts, or the synchronized fields'
// check and realignments (options="{'operations': [...]}" on the widget)
const DEFAULT_OPERATIONS = ["create_contacts"];

export class ContactSyncJobProgress extends Component {
    static template = "contact_partner_sync.ContactSyncJobProgress";
    static props = { "*": true };
    static defaultProps = { operations: DEFAULT_OPERATIONS };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({ jobs: [] });
        onWillStart(() => this.load());
        this.timer = setInterval(() => this.load(), 2000);
        onWillUnmount(() => clearInterval(this.timer));
    }

    async load() {
        // the unfinished runs, and the last one finished
        const operations = ["operation", "in", this.props.operations];
        const running = await this.orm.searchRead(
            "contact.sync.job",
            [["state", "in", ["queued", "running"]], operations],
            FIELDS,
            { order: "id" }
        );
        // the last finished run of each kind of link (a check goes through each)
        const finished = await this.orm.searchRead(
            "contact.sync.job",
            [["state", "in", ["done", "failed"]], operations],
            FIELDS,
            { order: "id desc", limit: 10 }
        );
        const busy = new Set(running.map((job) => job.link_to));
        const last = [];
        for (const job of finished) {
            if (!busy.has(job.link_to) && !last.some((j) => j.link_to === job.link_to)) {
                last.push(job);
            }
        }
        this.state.jobs = [...running, ...last.reverse()];
        // a run finished since the last look: the counts of Settings are read again
        // (unless the user is changing something there)
        const runningIds = new Set(running.map((job) => job.id));
        const finishedNow = [...(this.runningIds || [])].some((id) => !runningIds.has(id));
        this.runningIds = runningIds;
        const record = this.props.record;
        if (finishedNow && record && !(await record.isDirty())) {
            await record.model.load();
        }
    }

    open(job) {
        this.action.doAction({
            type: "ir.actions.act_window",
            res_model: "contact.sync.job",
            res_id: job.id,
            views: [[false, "form"]],
        });
    }
}

registry.category("view_widgets").add("contact_sync_job_progress", {
    component: ContactSyncJobProgress,
    extractProps: ({ options }) =>
        options.operations ? { operations: options.operations } : {},
});
