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
    // The first paint (index.html, before the wasm runs; see src/ui/paint.rs)
    PAINT_LOADING = "Loading the playground…", "플레이그라운드를 불러오는 중…";
    PAINT_STARTING = "Starting…", "시작하는 중…";

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
    EXAMPLE_EDITED = "(edited: the run may no longer show this)", "(수정됨: 실행 결과가 이 설명과 다를 수 있음)";
    OPEN_EXAMPLE = "Open", "열기";
    TEXT_CHANGED = "The text changed since this run was built: Run (Ctrl+Enter) or Reset applies it.",
        "이 실행을 만든 뒤 텍스트가 바뀌었습니다. 실행(Ctrl+Enter)이나 처음으로를 누르면 적용됩니다.";
    VALID = "Valid: the API server would accept this file.", "유효함: API 서버가 이 파일을 받아들입니다.";
    CHECKING = "Checking…", "확인하는 중…";
    LOADING_ZONES = "Loading the time zone database…", "시간대 데이터베이스를 불러오는 중…";
    ZONES_FAILED = "The time zone database could not be loaded ({0}): this file names a time zone, so it cannot be checked or run. Reload the page to try again.", "시간대 데이터베이스를 불러오지 못했습니다({0}). 이 파일은 시간대를 지정하므로 확인하거나 실행할 수 없습니다. 페이지를 새로 고쳐 다시 시도하세요.";
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
    OUTCOME_INTERIM = "{0} {1}: {2} ({3}) at t = {4}; {5} once no pod is terminating", "{0} {1}: t = {4}에 {2} ({3}), 종료 중인 파드가 없어지면 {5}";
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
    TIMELINE_RESTARTS = "container restarted in place at {0}", "컨테이너 제자리 재시작: {0}";
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

    // Share links
    SHARE = "Share link", "링크 공유";
    SHARE_TITLE = "Copy a link to this scenario at this moment (Ctrl+S)", "이 시각의 이 시나리오로 가는 링크 복사 (Ctrl+S)";
    SHARE_MAKING = "Making the link…", "링크를 만드는 중…";
    SHARE_COPIED = "Link copied ({0} characters). Whoever opens it sees this scenario{1}.", "링크를 복사했습니다 ({0}자). 링크를 연 사람은 이 시나리오를{1} 보게 됩니다.";
    SHARE_AT = " at t = {0}", " t = {0}에서";
    SHARE_NO_CLIPBOARD = "The browser did not allow copying. Copy the link from this field:", "브라우저가 복사를 허용하지 않았습니다. 이 입력란에서 링크를 복사하세요:";
    SHARE_LINK_LABEL = "Share link", "공유 링크";
    SHARE_TOO_LONG = "This link would be {0} characters, more than the {1} that chat tools, documentation systems and proxies reliably keep. Share the file instead.",
        "이 링크는 {0}자가 되어, 채팅 도구나 문서 시스템, 프록시가 온전히 전달하는 {1}자를 넘습니다. 대신 파일을 공유하세요.";
    SHARE_DOWNLOAD = "Download the .yaml file", ".yaml 파일 내려받기";
    SHARE_COPY_ANYWAY = "Copy the long link anyway", "그래도 긴 링크 복사";
    SHARE_FAILED = "The link could not be made: {0}", "링크를 만들 수 없습니다: {0}";
    DISMISS = "Dismiss", "닫기";
    OPENING_LINK = "Opening the link…", "링크를 여는 중…";

    // Opening links
    LINK_OPENED = "Opened from a link, exactly as it was sent. It is not saved until you edit it; your own work is kept in My scenarios.",
        "링크에서 보낸 그대로 열었습니다. 고치기 전에는 저장되지 않으며, 내 작업은 내 시나리오에 그대로 있습니다.";
    LINK_EXAMPLE = "Opened the example “{0}” from a link.", "링크에서 예제 “{0}”을(를) 열었습니다.";
    LINK_INVALID = "The link's YAML has problems, listed under the editor. It is shown as it was sent.",
        "링크의 YAML에 문제가 있습니다(편집기 아래 목록). 보낸 그대로 보여 줍니다.";
    LINK_NOT_OURS = "The address ends with “#{0}”, which is not a Job Playground link.", "주소 끝의 “#{0}”은(는) 잡 플레이그라운드 링크가 아닙니다.";
    LINK_VERSION = "This link was made by a newer Job Playground (format v={0}); this page reads v=1.", "이 링크는 더 새로운 잡 플레이그라운드(형식 v={0})가 만들었습니다. 이 페이지는 v=1을 읽습니다.";
    LINK_NO_SCENARIO = "This link holds no scenario (no yaml= or example=).", "이 링크에는 시나리오가 없습니다 (yaml=도 example=도 없음).";
    LINK_UNKNOWN_EXAMPLE = "This link names an example “{0}” that this playground does not have.", "이 링크가 가리키는 예제 “{0}”은(는) 이 플레이그라운드에 없습니다.";
    LINK_EMPTY = "This link's yaml= is empty.", "이 링크의 yaml= 값이 비어 있습니다.";
    LINK_NOT_BASE64 = "This link is damaged: character {0} of its data is not base64url (a chat tool or mail program may have changed it).",
        "이 링크는 손상되었습니다. 데이터의 {0}번째 문자가 base64url이 아닙니다 (채팅 도구나 메일 프로그램이 바꿨을 수 있습니다).";
    LINK_TRUNCATED = "This link was cut short: its data ends too early (a chat tool or mail program may have shortened it).",
        "이 링크는 잘렸습니다. 데이터가 너무 일찍 끝납니다 (채팅 도구나 메일 프로그램이 줄였을 수 있습니다).";
    LINK_CORRUPT = "This link's data is damaged and cannot be read in full.", "이 링크의 데이터가 손상되어 끝까지 읽을 수 없습니다.";
    LINK_TOO_LARGE = "This link's text is larger than 3 MiB, the API server's limit; only the start was kept.", "이 링크의 텍스트가 API 서버 한도인 3MiB보다 커서 앞부분만 남겼습니다.";
    LINK_NOT_UTF8 = "This link's text is not UTF-8 from byte {0} on.", "이 링크의 텍스트는 {0}바이트부터 UTF-8이 아닙니다.";
    LINK_UNSUPPORTED = "This browser cannot read share links (it has no DecompressionStream).", "이 브라우저는 공유 링크를 읽을 수 없습니다 (DecompressionStream 없음).";
    LINK_RECOVERED = "The {0} characters that could be read are shown as a recovered draft: check them before you use them. Nothing is saved until you edit it.",
        "읽을 수 있었던 {0}자를 복구한 초안으로 보여 줍니다. 쓰기 전에 확인하세요. 고치기 전에는 저장되지 않습니다.";
    LINK_NOTHING = "Nothing could be read from it: your own work is shown instead.", "읽을 수 있는 내용이 없어 내 작업을 대신 보여 줍니다.";
    LINK_OWN_WORK = "Your own work is shown.", "내 작업을 보여 줍니다.";
    LINK_IGNORED = "Ignored in the link: {0}", "링크에서 무시한 값: {0}";

    // Where the text lives
    SOURCE_DRAFT = "Draft", "초안";
    SOURCE_SAVED_AS = "“{0}”", "“{0}”";
    SOURCE_EXAMPLE = "Example “{0}”", "예제 “{0}”";
    SOURCE_LINK = "From a link", "링크에서 연 시나리오";
    SOURCE_RECOVERED = "Recovered from a damaged link", "손상된 링크에서 복구함";
    STATUS_SAVED = "saved in this browser", "이 브라우저에 저장됨";
    STATUS_SHOWN = "not saved until you edit it", "고치기 전에는 저장되지 않음";
    STATUS_NOT_SAVED = "not saved: see the message above", "저장되지 않음: 위의 메시지를 보세요";
    STATUS_EMBED = "changes here are not saved: open it in the playground to keep them", "여기서 고친 내용은 저장되지 않음: 간직하려면 플레이그라운드에서 여세요";
    EDITING = "Editing:", "편집 중:";
    RESCUE_NAME = "Earlier draft", "이전 초안";
    RECOVERED_NAME = "Recovered scenario", "복구한 시나리오";
    FORK_NAME = "Draft from a second tab", "다른 탭의 초안";

    // Notes about saved work
    NOTE_RESCUED = "Your earlier draft is kept in My scenarios as “{0}”.", "이전 초안을 내 시나리오에 “{0}”(으)로 보관했습니다.";
    NOTE_FULL = "The browser's storage is full: your last change is not saved. Download the file, or delete saved scenarios.",
        "브라우저 저장 공간이 가득 찼습니다. 마지막 변경은 저장되지 않았습니다. 파일을 내려받거나 저장한 시나리오를 지우세요.";
    NOTE_UNAVAILABLE = "This browser lets the page store nothing: your work lasts only while the page is open. Download it to keep it.",
        "이 브라우저는 페이지가 아무것도 저장하지 못하게 합니다. 작업은 페이지를 연 동안만 남습니다. 간직하려면 내려받으세요.";
    NOTE_REBUILT = "The list of your saved scenarios could not be read; {0} saved texts were found again and are listed as “Recovered scenario”.",
        "저장한 시나리오 목록을 읽을 수 없었습니다. 저장된 텍스트 {0}개를 다시 찾아 “복구한 시나리오”로 나열했습니다.";
    NOTE_MISSING = "The saved scenario “{0}” had no text left and was taken off the list.", "저장한 시나리오 “{0}”에 텍스트가 남아 있지 않아 목록에서 뺐습니다.";
    NOTE_GONE = "The scenario you were editing was deleted in another tab: your text is kept as the Draft.", "편집하던 시나리오가 다른 탭에서 삭제되어, 텍스트를 초안으로 보관했습니다.";
    NOTE_FORKED = "Another tab changed this text while you edited it here: your text is kept in My scenarios as “{0}” and opens as it; the other tab's is unchanged.",
        "다른 탭에서 이 텍스트를 바꿨습니다. 이 탭의 텍스트는 내 시나리오에 “{0}”(으)로 보관해 열었고, 다른 탭의 텍스트는 그대로입니다.";
    NOTE_IMPORTED = "Imported “{0}” into My scenarios.", "“{0}”을(를) 내 시나리오로 가져왔습니다.";
    FILE_TOO_LARGE = "“{0}” is larger than 3 MiB, the API server's limit.", "“{0}”은(는) API 서버 한도인 3MiB보다 큽니다.";
    FILE_NOT_UTF8 = "“{0}” is not UTF-8 text: a YAML file is expected.", "“{0}”은(는) UTF-8 텍스트가 아닙니다. YAML 파일이어야 합니다.";
    FILE_UNREADABLE = "“{0}” could not be read.", "“{0}”을(를) 읽을 수 없습니다.";
    MESSAGES = "Messages", "메시지";

    // My scenarios
    LIBRARY = "My scenarios", "내 시나리오";
    LIBRARY_INTRO = "Kept in this browser. Every edit is saved as you type.", "이 브라우저에 보관합니다. 고칠 때마다 바로 저장됩니다.";
    LIBRARY_EMPTY = "No saved scenarios yet.", "아직 저장한 시나리오가 없습니다.";
    LIB_OPEN = "Open", "열기";
    LIB_OPEN_ITEM = "Open {0}", "{0} 열기";
    LIB_OPEN_NOW = "open", "열려 있음";
    LIB_RENAME = "Rename", "이름 바꾸기";
    LIB_RENAME_ITEM = "Rename {0}", "{0} 이름 바꾸기";
    LIB_NEW_NAME = "New name", "새 이름";
    LIB_DELETE = "Delete", "삭제";
    LIB_DELETE_ITEM = "Delete {0}", "{0} 삭제";
    LIB_DELETE_CONFIRM = "Delete “{0}”? This cannot be undone.", "“{0}”을(를) 삭제할까요? 되돌릴 수 없습니다.";
    LIB_EXPORT_ITEM = "Download {0}", "{0} 내려받기";
    LIB_SAVE = "Save", "저장";
    LIB_CANCEL = "Cancel", "취소";
    LIB_SAVE_AS = "Save the text as", "텍스트를 다른 이름으로 저장";
    LIB_NAME = "Name", "이름";
    LIB_IMPORT = "Import a .yaml file…", ".yaml 파일 가져오기…";
    LIB_DROP_HINT = "You can also drop a .yaml file anywhere on the page.", ".yaml 파일을 페이지 아무 곳에나 끌어다 놓아도 됩니다.";
    DROP_HERE = "Drop a .yaml file to open it as a new scenario", ".yaml 파일을 놓으면 새 시나리오로 엽니다";

    // Downloads
    DOWNLOAD = "Download", "내려받기";
    DL_JOB = "Job YAML (for kubectl apply)", "잡 YAML (kubectl apply용)";
    DL_ALL = "YAML with its Scenario", "시나리오를 포함한 YAML";
    DL_SVG = "Timeline as SVG", "타임라인 SVG";
    DL_PNG = "Timeline as PNG", "타임라인 PNG";
    DL_JSON = "Run as JSON (jobplay run --json)", "실행 결과 JSON (jobplay run --json)";
    DL_NEEDS_RUN = "The timeline and the run need a valid text.", "타임라인과 실행 결과에는 유효한 텍스트가 필요합니다.";
    DL_FAILED = "The download failed: {0}", "내려받지 못했습니다: {0}";
    DL_NO_WORKLOAD = "The text has no Job or CronJob document.", "텍스트에 Job이나 CronJob 문서가 없습니다.";
    TIMELINE_CAPTION = "timeline at t = {0}", "t = {0}의 타임라인";

    // Embed
    OPEN_IN_PLAYGROUND = "Open in playground", "플레이그라운드에서 열기";
    OPEN_IN_PLAYGROUND_TITLE = "Open this scenario, as it is now, in the full Job Playground (new tab)", "이 시나리오를 지금 상태 그대로 전체 잡 플레이그라운드에서 열기 (새 탭)";
    SHOW_YAML = "YAML", "YAML";
    EMBED_LABEL = "Job Playground", "잡 플레이그라운드";

    // Workshop walk-through
    WALK_TITLE = "Workshop", "워크숍";
    WALK_STEP = "Step {0} of {1}", "{1}단계 중 {0}단계";
    WALK_NEXT = "Next", "다음 단계";
    WALK_PREV = "Previous", "이전 단계";
    WALK_PAUSES = "Run or Resume: the simulation pauses at t = {0}.", "실행하거나 계속하면 t = {0}에서 멈춥니다.";
    WALK_PAUSED = "Paused at t = {0}.", "t = {0}에서 멈췄습니다.";
    WALK_PASSED_AT = "t = {0} has passed: Reset to watch it again.", "t = {0}이 지났습니다. 다시 보려면 처음으로를 누르세요.";
    WALK_ENDED_BEFORE = "The run ended at t = {0}, before t = {1}.", "실행이 t = {1} 전인 t = {0}에 끝났습니다.";
    WALK_RUN_TO_CHECK = "Run (Ctrl+Enter) to check your change.", "실행(Ctrl+Enter)해서 변경을 확인하세요.";
    WALK_CHECKING = "Checking the run…", "실행을 확인하는 중…";
    WALK_DONE = "Done: your change does what this step asks.", "완료: 변경이 이 단계의 요구대로 동작합니다.";
    WALK_NOT_YET = "Not yet: the run does not do what this step asks.", "아직입니다: 실행 결과가 이 단계의 요구와 다릅니다.";
    WALK_CHECKS = "Checks", "확인 항목";
    WALK_FOUND = "found {0}", "실제 값 {0}";
    WALK_NOTHING = "nothing there", "값 없음";
    WALK_EXISTS = "exists", "있음";
    WALK_NOT_EXISTS = "does not exist", "없음";
    WALK_OUTCOME = "the Job ends {0}", "잡이 {0}(으)로 끝남";
    WALK_HINT = "Hint:", "힌트:";

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
    KEY_SHARE = "Copy a share link", "공유 링크 복사";
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
