//! Every string of the page in English and Korean. Kubernetes terms, field names,
//! reasons and API messages stay as Kubernetes prints them (`backoffLimit`,
//! `Complete`, `DeadlineExceeded`); the Korean follows the Korean Kubernetes
//! documentation (잡, 파드, 크론잡, 컨디션).
//!
//! Plain Rust (tested natively): a [`Text`] holds both languages, so no string can
//! miss one; [`Lang::t`] picks one and [`Lang::f`] fills `{0}`, `{1}` ... in it.

/// The page's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Ko,
}

impl Lang {
    /// From a BCP 47 tag (`navigator.language`, `ko-KR`): Korean for `ko*`, else English.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("ko") {
            Lang::Ko
        } else {
            Lang::En
        }
    }
    /// `en` or `ko` (the `lang` attribute, `Cause::explain_in`, `Example::info`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }
    pub fn t(self, t: Text) -> &'static str {
        match self {
            Lang::En => t.en,
            Lang::Ko => t.ko,
        }
    }
    /// The text with `{0}`, `{1}` ... replaced by `args`.
    pub fn f(self, t: Text, args: &[&str]) -> String {
        let mut s = self.t(t).to_string();
        for (i, a) in args.iter().enumerate() {
            s = s.replace(&format!("{{{i}}}"), a);
        }
        s
    }
}

/// One string in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub en: &'static str,
    pub ko: &'static str,
}

macro_rules! texts {
    ($($name:ident = $en:literal, $ko:literal;)+) => {
        $(pub const $name: Text = Text { en: $en, ko: $ko };)+
        /// Every text, for tests.
        pub const ALL: &[(&str, Text)] = &[$((stringify!($name), $name)),+];
    };
}

texts! {
    // Header
    TITLE = "Job Playground", "잡 플레이그라운드";
    TAGLINE = "The Kubernetes Job controller, simulated in your browser: edit a Job, run it at any speed, and see why each pod exists.",
        "쿠버네티스 잡 컨트롤러를 브라우저에서 시뮬레이션합니다. 잡을 고치고, 원하는 속도로 실행하고, 파드마다 왜 생겼는지 확인하세요.";
    LANGUAGE = "Language", "언어";
    THEME = "Theme", "테마";
    THEME_SYSTEM = "System", "시스템";
    THEME_LIGHT = "Light", "라이트";
    THEME_DARK = "Dark", "다크";
    HELP_BUTTON = "Keyboard shortcuts", "단축키";

    // Editor
    EDITOR_TITLE = "Job YAML", "잡 YAML";
    EDITOR_LABEL = "Job YAML", "잡 YAML";
    EXAMPLES = "Examples", "예제";
    EXAMPLES_INTRO = "Each example comes with a Scenario that makes its point.", "예제마다 요점을 보여 주는 시나리오가 들어 있습니다.";
    WATCH_FOR = "Watch for:", "눈여겨볼 점:";
    OPEN_EXAMPLE = "Open", "열기";
    TEXT_CHANGED = "The text changed since this run was built: Run (Ctrl+Enter) or Reset applies it.",
        "이 실행을 만든 뒤 텍스트가 바뀌었습니다. 실행(Ctrl+Enter)이나 처음으로를 누르면 적용됩니다.";
    VALID = "Valid: the API server would accept this file.", "유효함: API 서버가 이 파일을 받아들입니다.";
    CHECKING = "Checking…", "확인하는 중…";
    PROBLEMS_TITLE = "The API server rejects this file", "API 서버가 이 파일을 거부합니다";
    WARNINGS_TITLE = "Warnings", "경고";
    LINE_COLUMN = "Line {0}, column {1}", "{0}행 {1}열";
    LINE = "Line {0}", "{0}행";
    GO_TO_LINE = "Go to line {0}", "{0}행으로 이동";

    // Scenario form
    FORM_TITLE = "Scenario form", "시나리오 양식";
    FORM_INTRO = "Change how the simulated pods behave without learning the format. Each change rewrites only the Scenario document of the text.",
        "형식을 몰라도 시뮬레이션 파드의 동작을 바꿀 수 있습니다. 바꿀 때마다 텍스트의 Scenario 문서만 다시 씁니다.";
    FORM_NEEDS_VALID = "Fix the problems in the text first: the form reads the file.", "먼저 텍스트의 문제를 고치세요. 양식은 파일을 읽어서 동작합니다.";
    FORM_RULES = "Pod rules (the first matching rule wins)", "파드 규칙 (처음 맞는 규칙이 적용됨)";
    FORM_ACTIONS = "Timed actions", "시간별 동작";
    FORM_QUEUE = "Work queue", "작업 대기열";
    FORM_NONE = "None", "없음";
    FORM_REMOVE = "Remove", "삭제";
    FORM_REMOVE_ITEM = "Remove: {0}", "삭제: {0}";
    FORM_ADD = "Add", "추가";
    FORM_WHAT = "Add a change", "추가할 변경";
    KIND_EXIT = "Pods exit with a code after some seconds", "파드가 몇 초 뒤 종료 코드로 끝남";
    KIND_EVICT = "Evict pods at a time", "정해진 시각에 파드 축출";
    KIND_DELETE = "Delete pods at a time", "정해진 시각에 파드 삭제";
    KIND_SUSPEND = "Suspend the Job at a time", "정해진 시각에 잡 일시 중지";
    KIND_RESUME = "Resume the Job at a time", "정해진 시각에 잡 재개";
    KIND_QUEUE = "A work queue of N items", "항목 N개짜리 작업 대기열";
    F_INDEX = "Completion index (e.g. 0,2-4; empty: any)", "완료 인덱스 (예: 0,2-4, 비우면 모두)";
    F_POD = "Pod ordinal (e.g. 0-1; empty: any)", "파드 순번 (예: 0-1, 비우면 모두)";
    F_EXIT_CODE = "Exit code", "종료 코드";
    F_RUN_SECONDS = "Runs for (seconds)", "실행 시간(초)";
    F_AT = "At t (seconds)", "시각 t(초)";
    F_ALL_PODS = "All pods that are not finished", "끝나지 않은 모든 파드";
    F_ITEMS = "Items", "항목 수";
    F_PER_ITEM = "Seconds per item", "항목당 초";
    FORM_BAD_NUMBER = "Enter a number: {0}", "숫자를 입력하세요: {0}";

    // Controls
    RUN = "Run", "실행";
    RUN_TITLE = "Run the editor's text from t = 0 (Ctrl+Enter)", "편집기의 텍스트를 t = 0부터 실행 (Ctrl+Enter)";
    PAUSE = "Pause", "일시 정지";
    RESUME = "Resume", "계속";
    STEP = "Step", "다음";
    STEP_TITLE = "Step to the next event (→)", "다음 이벤트로 (→)";
    STEP_BACK = "Back", "이전";
    STEP_BACK_TITLE = "Step back to the previous event (←)", "이전 이벤트로 (←)";
    RESET = "Reset", "처음으로";
    RESET_TITLE = "Back to t = 0, paused (applies the editor's text)", "t = 0으로 돌아가 멈춤 (편집기의 텍스트 적용)";
    JUMP_END = "Jump to end", "끝으로";
    JUMP_END_TITLE = "Jump to the end of the run (End)", "실행의 끝으로 (End)";
    SPEED = "Speed", "속도";
    CONTROLS = "Simulation controls", "시뮬레이션 제어";
    SCRUBBER = "Virtual time", "가상 시간";
    CLOCK_TITLE = "Virtual time since the workload was created", "워크로드가 만들어진 뒤 흐른 가상 시간";
    CATCHING_UP = "catching up…", "따라잡는 중…";
    STATE_PLAYING = "running", "실행 중";
    STATE_PAUSED = "paused", "일시 정지됨";
    STATE_ENDED = "ended", "끝남";

    // The Job's card
    NO_RUN = "Nothing to show: the text has problems.", "보여 줄 것이 없습니다. 텍스트에 문제가 있습니다.";
    CONDITIONS = "Conditions", "컨디션";
    NO_CONDITIONS = "no conditions yet", "아직 컨디션 없음";
    BUDGET = "Failures / backoffLimit", "실패 / backoffLimit";
    BUDGET_RESTARTS = "Restarts / backoffLimit (OnFailure)", "재시작 / backoffLimit (OnFailure)";
    BUDGET_PER_INDEX = "backoffLimitPerIndex: {0} per index", "backoffLimitPerIndex: 인덱스마다 {0}";
    DEADLINE = "activeDeadlineSeconds", "activeDeadlineSeconds";
    DEADLINE_TEXT = "{0} of {1}", "{1} 중 {0}";
    DEADLINE_EXCEEDED = "exceeded", "초과됨";
    SUSPENDED = "suspended (spec.suspend: true)", "일시 중지됨 (spec.suspend: true)";
    MANAGED_BY = "spec.managedBy: {0}: the built-in Job controller leaves this Job alone", "spec.managedBy: {0}: 기본 잡 컨트롤러는 이 잡을 건드리지 않음";
    OUTCOME_AT = "{0} {1}: {2} at t = {3}", "{0} {1}: t = {3}에 {2}";
    OUTCOME_RUNNING = "{0} {1}: no terminal condition yet", "{0} {1}: 아직 최종 컨디션 없음";
    OUTCOME_STOPPED = "{0} {1}: stopped at t = {2} without a terminal condition", "{0} {1}: 최종 컨디션 없이 t = {2}에 멈춤";
    QUEUE = "{0} of {1} items left", "{1}개 중 {0}개 남음";
    HALTED = "Limit reached: {0}", "한도 도달: {0}";
    ACTION_REJECTED = "A Scenario action was rejected", "시나리오 동작이 거부되었습니다";
    WHY_BUTTON = "Why?", "이유?";

    // Pods
    PODS = "Pods", "파드";
    PODS_INDEXED = "One lane per completion index, labelled with the pods' hostname.", "완료 인덱스마다 레인 하나, 파드의 호스트 이름으로 표시합니다.";
    PODS_POOL = "NonIndexed: one pool of interchangeable pods.", "NonIndexed: 서로 바꿀 수 있는 파드의 풀 하나.";
    NO_PODS = "No pods yet.", "아직 파드가 없습니다.";
    NEXT_POD_IN = "next pod in {0}", "{0} 뒤 다음 파드";
    BACKOFF_AFTER = "backoff {0} after {1} failures", "실패 {1}번 뒤 백오프 {0}";
    EARLIER_ATTEMPTS = "+{0} earlier", "이전 {0}개";
    ATTEMPT = "attempt {0}", "{0}번째 시도";
    EXIT_CODE = "exit code {0}", "종료 코드 {0}";
    RESTARTS = "restarts {0}", "재시작 {0}";
    INDEX_FAILURES = "failures {0}", "실패 {0}";
    LANE_WAITING = "waiting", "대기";
    LANE_ACTIVE = "active", "활성";
    LANE_COMPLETED = "completed", "완료";
    LANE_FAILED = "failed", "실패";
    SHOWING_PODS = "Pods {0}–{1} of {2}; scroll for more.", "파드 {2}개 중 {0}–{1}. 스크롤하면 더 보입니다.";
    POD_CELLS = "{0} pods; arrow keys move between them, Enter explains one.", "파드 {0}개. 화살표 키로 옮기고 Enter로 이유를 봅니다.";

    // Why
    WHY_TITLE = "Why", "이유";
    WHY_HINT = "Click a pod, an event, a condition or a countdown: the controller's reason appears here.",
        "파드, 이벤트, 컨디션이나 카운트다운을 누르면 컨트롤러가 그렇게 한 이유가 여기 나옵니다.";
    NO_CAUSE = "The engine recorded no cause for this.", "엔진이 이에 대한 이유를 기록하지 않았습니다.";
    CLOSE = "Close", "닫기";
    POD_DETAIL = "Pod detail (as kubectl get pod -o yaml)", "파드 상세 (kubectl get pod -o yaml처럼)";
    GONE = "It no longer exists at this time.", "이 시각에는 더 이상 없습니다.";

    // Tabs
    VIEWS = "Views", "보기";
    TAB_TIMELINE = "Timeline", "타임라인";
    TAB_EVENTS = "Events", "이벤트";
    TIMELINE_MORE = "{0} more rows not drawn.", "그리지 않은 행 {0}개가 더 있습니다.";
    TIMELINE_EMPTY = "No pods yet.", "아직 파드가 없습니다.";
    TIMELINE_LABEL = "Timeline: one row per pod or index, bars from creation to end", "타임라인: 파드나 인덱스마다 한 행, 생성부터 끝까지 막대";
    EVENTS_MORE = "{0} earlier events not listed.", "나열하지 않은 이전 이벤트 {0}개.";
    NO_EVENTS = "No events yet.", "아직 이벤트가 없습니다.";
    LOGS_POD = "Pod", "파드";
    EVENT_TIME = "t", "t";
    LEGEND = "Legend", "범례";

    // CronJob
    CRON_TITLE = "CronJob schedule", "크론잡 일정";
    CRON_NEXT = "Next schedule times", "다음 일정 시각";
    CRON_JOBS = "Jobs created (newest first)", "만든 잡 (최신 순)";
    CRON_NO_JOBS = "No Job yet.", "아직 잡이 없습니다.";
    CRON_RUNNING = "running", "실행 중";
    CRON_DELETED = "deleted", "삭제됨";

    // Help
    HELP_TITLE = "Keyboard shortcuts", "단축키";
    KEY_RUN = "Run the editor's text from t = 0", "편집기의 텍스트를 t = 0부터 실행";
    KEY_PAUSE = "Pause or resume", "일시 정지 또는 계속";
    KEY_STEP = "Step to the next or previous event", "다음 또는 이전 이벤트로";
    KEY_SCRUB = "Scrub 10 s forward or back", "10초 앞 또는 뒤로 이동";
    KEY_ENDS = "Start or end of the run", "실행의 처음 또는 끝";
    KEY_LEAVE = "Leave the editor", "편집기에서 나가기";
    KEY_LEAVE_KEYS = "Esc, then Tab", "Esc 다음 Tab";
    KEY_HELP = "Show this help", "이 도움말 보기";
    KEY_CLOSE = "Close this help", "이 도움말 닫기";
    HELP_NOTE = "Space, the arrows, Home and End work when the focus is not in the editor or a form field.",
        "스페이스, 화살표, Home, End는 포커스가 편집기나 입력란에 있지 않을 때 동작합니다.";
    REDUCED_MOTION = "Your system asks for reduced motion: the clock moves in steps of one second.",
        "시스템이 움직임 줄이기를 요청해서 시계가 1초 단위로 움직입니다.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_both_languages() {
        for (name, t) in ALL {
            assert!(!t.en.trim().is_empty(), "{name} en");
            assert!(!t.ko.trim().is_empty(), "{name} ko");
            // The same placeholders in both.
            for i in 0..5 {
                let p = format!("{{{i}}}");
                assert_eq!(t.en.contains(&p), t.ko.contains(&p), "{name} {p}");
            }
        }
    }

    #[test]
    fn language_from_tag_and_fill() {
        assert_eq!(Lang::from_tag("ko-KR"), Lang::Ko);
        assert_eq!(Lang::from_tag("en-US"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
        assert_eq!(Lang::Ko.f(LINE_COLUMN, &["3", "7"]), "3행 7열");
        assert_eq!(Lang::En.f(DEADLINE_TEXT, &["5s", "100s"]), "5s of 100s");
        assert_eq!(Lang::Ko.f(DEADLINE_TEXT, &["5s", "100s"]), "100s 중 5s");
    }
}
