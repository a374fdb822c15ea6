package com.m4s.infra.stack;

import com.m4s.platform.servers.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Demo data created through the public API, as a customer would: one dealer group, three stores, a few members
 * with vehicles in each; then the volume of a real store beside them ({@link DemoVolume}). Running it again adds
 * nothing that is already there.
 */
public final class DemoData {

    public static final String GROUP = "huanan";

    /**
     * A demo store as customers read it (name, address, phone: what the owner app's car page shows) and its members:
     * name, phone, plate, VIN, model.
     */
    record DemoStore(String code, String name, String city, String brand, String address, String phone,
            List<String[]> members) {
    }

    static final List<DemoStore> STORES = List.of(
            new DemoStore("gz_tianhe", "广州宝悦天河宝马4S店", "广州", "宝马", "广州市天河区黄埔大道西 638 号",
                    "020-38823888", List.of(
                    new String[] {"王建国", "13800138001", "粤A12345", "LBVCU31080S000001", "宝马 325Li"},
                    new String[] {"李秀英", "13800138002", "粤A6B888", "LBVCU31080S000002", "宝马 X3"},
                    new String[] {"陈志强", "13800138003", "粤AD12345", "LBVCU31080S000003", "宝马 i3"},
                    new String[] {"Lucy Zhang", "13800138004", "粤A99K88", "LBVCU31080S000004", "宝马 530Li"})),
            new DemoStore("sz_futian", "深圳星辉福田奔驰4S店", "深圳", "奔驰", "深圳市福田区深南大道 7008 号",
                    "0755-83998888", List.of(
                    new String[] {"张伟", "13900139001", "粤B16888", "LE4GG8BB0KL000001", "奔驰 C 260L"},
                    new String[] {"刘洋", "13900139002", "粤B2C333", "LE4GG8BB0KL000002", "奔驰 GLC 300L"},
                    new String[] {"黄丽", "13900139003", "粤B77E77", "LE4GG8BB0KL000003", "奔驰 E 300L"})),
            new DemoStore("fs_chancheng", "佛山广骏禅城丰田4S店", "佛山", "丰田", "佛山市禅城区季华五路 22 号",
                    "0757-82268888", List.of(
                    new String[] {"周杰", "13700137001", "粤E33333", "LVGBE40K0KG000001", "丰田 凯美瑞"},
                    new String[] {"吴敏", "13700137002", "粤E5F555", "LVGBE40K0KG000002", "丰田 RAV4 荣放"},
                    new String[] {"郑凯", "13700137003", "粤E8G888", "LVGBE40K0KG000003", "丰田 卡罗拉"})));

    /** The demo operator of the realm; all demo users share {@link #DEMO_PASSWORD}. */
    public static final String OPERATOR = "operator";
    public static final String DEMO_PASSWORD = "demo1234";
    /**
     * The demo group's Stripe connected account, where owners' online payments go: a test account id, used only
     * when the stack is given Stripe keys (the browser suite's Stripe test fixture knows it).
     */
    public static final String DEMO_STRIPE_ACCOUNT = "acct_m4sdemohuanan";
    /** The demo store's service advisor (a realm user of gz_tianhe, department service). */
    static final String ADVISOR = "staff.gz_tianhe";

    /** The demo owner: signs up through the owner sign-up, as a car owner would, for this member's phone. */
    public static final String OWNER = "owner.13800138001";
    static final String OWNER_STORE = "gz_tianhe";
    public static final String OWNER_PHONE = "13800138001";

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("(\\d{6})");

    private final Stack stack;
    private final Api api;
    private final Api anonymous;

    /** Demo data is created as the realm's demo platform operator, through the gateway. */
    public DemoData(Stack stack) {
        this.stack = stack;
        this.anonymous = new Api(stack.gatewayUrl());
        this.api = anonymous.withToken(stack.keycloak().passwordToken(OPERATOR, DEMO_PASSWORD));
    }

    /** Creates whatever is missing and returns the store codes. */
    public List<String> ensure() {
        if (lookup("/api/admin/groups/" + GROUP).status() == 404) {
            require(api.post("/api/admin/groups", Map.of("code", GROUP, "name", "华南汽车集团")), 201);
        }
        List<String> codes = new ArrayList<>();
        for (DemoStore store : STORES) {
            Api.Response existing = lookup("/api/admin/stores/" + store.code());
            if (existing.status() == 404) {
                require(api.post("/api/admin/groups/" + GROUP + "/stores", Map.of("code", store.code(),
                        "name", store.name(), "city", store.city(), "brand", store.brand(),
                        "address", store.address(), "phone", store.phone(), "timeZone", "Asia/Shanghai")), 202);
            } else {
                if ("FAILED".equals(existing.json().path("status").asString())) {
                    require(api.post("/api/admin/stores/" + store.code() + "/provisioning", ""), 202);
                }
                describe(store, existing.json());
            }
            codes.add(store.code());
        }
        for (DemoStore store : STORES) {
            awaitActive(store.code());
            addMembers(store);
        }
        require(api.put("/api/admin/groups/" + GROUP + "/payment-account", Map.of("stripeAccountId",
                DEMO_STRIPE_ACCOUNT)), 200);
        signUpOwner();
        DemoVolume volume = new DemoVolume(stack, api, Instant.now());
        Set<String> demoPhones = Set.copyOf(demoPhones());
        Set<String> demoNames = Set.copyOf(STORES.stream().flatMap(s -> s.members().stream()).map(m -> m[0]).toList());
        int usedCars = 0;
        for (DemoStore store : STORES) {
            usedCars += volume.ensure(store.code(), demoPhones, demoNames);
        }
        usedCars += photographUsedCars();
        if (usedCars > 0) {
            volume.index();
        }
        fillManagersBell();
        addRepairOrders();
        return codes;
    }

    /**
     * A few months of repair orders per store ({@link DemoRepairOrders}), through the batch endpoint: the first named
     * member of each store (the demo owner in gz_tianhe) has orders of every kind, the others and forty of the
     * volume's members the rest; then they get member cards ({@link DemoCards}).
     */
    private void addRepairOrders() {
        long started = System.nanoTime();
        DemoRepairOrders orders = new DemoRepairOrders(api, Instant.now());
        DemoCards cards = new DemoCards(api);
        DemoPointTasks pointTasks = new DemoPointTasks(api);
        DemoPointCampaigns campaigns = new DemoPointCampaigns(api);
        DemoAdvisors advisors = new DemoAdvisors(api);
        DemoSegments segments = new DemoSegments(api);
        int segmentsCreated = 0;
        DemoWallets wallets = new DemoWallets(api);
        int walletsFilled = 0;
        DemoCoupons coupons = new DemoCoupons(api, stack);
        int couponTemplates = 0;
        DemoPayments payments = new DemoPayments(api);
        int paymentsMade = 0;
        DemoGifts gifts = new DemoGifts(api);
        int giftsMade = 0;
        DemoMall mall = new DemoMall(api);
        int productsMade = 0;
        int partOrders = 0;
        DemoStockAlerts stockAlerts = new DemoStockAlerts(api, stack);
        int alertStores = 0;
        int bound = 0;
        int announced = 0;
        Api advisorReader = anonymous.withToken(stack.keycloak().passwordToken(ADVISOR, DEMO_PASSWORD));
        DemoPointsExpiry expiry = new DemoPointsExpiry(api);
        int created = 0;
        int campaignsCreated = 0;
        int tasks = 0;
        int issued = 0;
        for (DemoStore store : STORES) {
            String members = "/api/stores/" + store.code() + "/members";
            List<DemoRepairOrders.Customer> customers = new ArrayList<>();
            for (String[] m : store.members()) {
                String id = api.get(members + "?q=" + m[1]).json().path("content").path(0).path("id").asString();
                customers.add(new DemoRepairOrders.Customer(id, m[2], m[3]));
            }
            for (var member : api.get(members + "?size=40&sort=phone,asc").json().path("content")) {
                var first = member.path("plates").path(0);
                String plate = first.isString() ? first.asString() : null;
                customers.add(new DemoRepairOrders.Customer(member.path("id").asString(), plate, null));
            }
            // the expiry policy first: every lot of points the demo makes gets its date (decision 0039)
            expiry.ensure(store.code());
            // tasks before the orders: their settlements are rewarded as a live store's would be
            tasks += pointTasks.ensure(store.code());
            created += orders.ensure(store.code(), customers.getFirst(), customers.subList(1, customers.size()));
            // cards after the orders: each member joins at the level their points already reach
            issued += cards.ensure(store.code(), customers.stream().map(DemoRepairOrders.Customer::memberId).toList());
            // campaigns last: one granted by the store's job after its manager approved it, one awaiting review
            Api reviewer = STORE_MANAGERS.contains(store.code()) ? anonymous.withToken(stack.keycloak()
                    .passwordToken("manager." + store.code(), DEMO_PASSWORD)) : null;
            campaignsCreated += campaigns.ensure(store.code(), customers.stream()
                    .map(DemoRepairOrders.Customer::memberId).toList(), reviewer);
            // advisors after the orders: each store's advisor gets its customers, the demo owner rates their orders
            bound += advisors.ensure(store.code(), store.phone(),
                    customers.stream().map(DemoRepairOrders.Customer::memberId).toList());
            // news to the advisors, posted by the store's manager where the demo has one; gz_tianhe's advisor reads one
            announced += new DemoAnnouncements(reviewer == null ? api : reviewer).ensure(store.code(),
                    store.code().equals(OWNER_STORE) ? advisorReader : null);
            // tags and segments last: their counts read the cards, orders and advisors made above (decision 0041)
            segmentsCreated += segments.ensure(store.code(),
                    customers.stream().map(DemoRepairOrders.Customer::memberId).toList());
            // wallets after the orders: the first member pays one of their orders from the wallet (decision 0043)
            walletsFilled += wallets.ensure(store.code(), customers);
            // coupons after the wallets: the demo owner holds three usable ones, the centre has stock, the statistics some history
            couponTemplates += coupons.ensure(store.code(), customers);
            // payments after the wallets: the owner's oldest order paid partly from the wallet (decision 0045)
            paymentsMade += payments.ensure(store.code(), customers,
                    store.code().equals(OWNER_STORE) ? advisorReader : api);
            // gifts last: members redeem with the points the orders, tasks and campaigns gave them (decision 0048)
            giftsMade += gifts.ensure(store.code(), customers);
            // the mall's catalogue, fitted to the models the store's members drive (decision 0050)
            productsMade += mall.ensure(store.code(), store.brand(), DemoMall.models(store.members()));
            // parts ordered for the members, after the advisors: an arrival tells the member's advisor (decision 0052)
            partOrders += new DemoPartOrders(api).ensure(store.code(), store.brand(), customers);
            // stock alerts last: two products long unsold, a gift counted down to its mark, the job asked to look
            if (stockAlerts.ensure(store.code())) {
                alertStores++;
            }
        }
        // the first store's DMS gets its credential, kept in the stack's data directory for a developer to use
        java.nio.file.Path dms = new DemoDms(api, stack.dataDir()).ensure(BELL_STORE);
        org.slf4j.LoggerFactory.getLogger(DemoDms.class).info("Demo DMS credential of {}: {}", BELL_STORE, dms);
        Api owner = anonymous.withToken(stack.keycloak().passwordToken(OWNER, DEMO_PASSWORD));
        int rated = DemoAdvisors.rate(owner, OWNER_STORE);
        // transfers last: the demo owner's points are available by now (the campaign's grant)
        List<String[]> ownerStoreMembers = STORES.getFirst().members();
        int transfers = new DemoPointTransfers(api, owner).ensure(OWNER_STORE, ownerStoreMembers.get(1)[1],
                ownerStoreMembers.get(2)[1]);
        org.slf4j.LoggerFactory.getLogger(DemoPointTransfers.class).info("Demo point transfers: {} made", transfers);
        boolean ownerGift = new DemoGifts(api).ownerRedeems(OWNER_STORE, OWNER_PHONE);
        int ownerOrders = new DemoMall(api).ownerBuys(owner, OWNER_STORE);
        org.slf4j.LoggerFactory.getLogger(DemoAdvisors.class).info(
                "Demo advisors: {} members bound, {} ratings, {} announcements", bound, rated, announced);
        org.slf4j.LoggerFactory.getLogger(DemoSegments.class).info("Demo segments: {} created", segmentsCreated);
        org.slf4j.LoggerFactory.getLogger(DemoWallets.class).info("Demo wallets: {} filled", walletsFilled);
        org.slf4j.LoggerFactory.getLogger(DemoCoupons.class).info("Demo coupons: {} templates made", couponTemplates);
        org.slf4j.LoggerFactory.getLogger(DemoPayments.class).info("Demo payments: {} made", paymentsMade);
        org.slf4j.LoggerFactory.getLogger(DemoGifts.class).info("Demo gifts: {} made, the owner's redemption: {}",
                giftsMade, ownerGift);
        org.slf4j.LoggerFactory.getLogger(DemoStockAlerts.class).info("Demo stock alerts: set up in {} stores",
                alertStores);
        org.slf4j.LoggerFactory.getLogger(DemoMall.class).info("Demo mall: {} products made, {} orders of the demo owner",
                productsMade, ownerOrders);
        org.slf4j.LoggerFactory.getLogger(DemoPartOrders.class).info("Demo part orders: {} recorded", partOrders);
        org.slf4j.LoggerFactory.getLogger(DemoRepairOrders.class).info(
                "Demo repair orders: {} created, member cards: {} issued, point tasks: {} created, point campaigns: {}"
                + " created, in {} ms", created, issued, tasks, campaignsCreated,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * A store made by an older demo (before stores had addresses and phones) gets this demo's name, address and phone;
     * a store that has them already is left as it is.
     */
    private void describe(DemoStore store, tools.jackson.databind.JsonNode existing) {
        if (existing.path("phone").isString()) {
            return;
        }
        Api.Response described = api.put("/api/admin/stores/" + store.code() + "/details", Map.of("name", store.name(),
                "address", store.address(), "phone", store.phone()));
        if (described.status() != 200 && described.status() != 503) {
            throw new IllegalStateException("describing " + store.code() + ": " + described.status() + " "
                    + described.raw());
        }
    }

    /** The demo members' phones: the local stack's development inbox shows the texts sent to these. */
    static List<String> demoPhones() {
        return STORES.stream().flatMap(s -> s.members().stream()).map(m -> m[1]).toList();
    }

    /**
     * The demo owner's account, made the way owners make theirs: a code to the member's phone (read back from the
     * local stack's development inbox, as a person trying the demo would), then the sign-up with it.
     */
    private void signUpOwner() {
        String base = "/api/stores/" + OWNER_STORE;
        String memberId = api.get(base + "/members?q=" + OWNER_PHONE).json().path("content").path(0).path("id")
                .asString();
        if (!api.get(base + "/members/" + memberId).json().path("ownerUsername").isNull()) {
            return;
        }
        Api.Response sent = anonymous.post(base + "/owner-signup/codes", Map.of("phone", OWNER_PHONE));
        if (sent.status() != 202 && sent.status() != 429) {
            require(sent, 202);
        }
        String body = newestText(base, OWNER_PHONE);
        java.util.regex.Matcher code = CODE.matcher(body);
        if (!code.find()) {
            throw new IllegalStateException("demo data: no sign-up code in the development inbox: " + body);
        }
        // the login is named owner.<phone> by the sign-up (OWNER) and signs in with the phone number too
        require(anonymous.post(base + "/owner-signup", Map.of("phone", OWNER_PHONE, "code", code.group(1),
                "password", DEMO_PASSWORD)), 201);
    }

    /** The newest text delivered to a demo phone, from the development inbox (delivery is asynchronous). */
    private String newestText(String base, String phone) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            Api.Response inbox = anonymous.get(base + "/owner-signup/development-inbox?phone=" + phone);
            require(inbox, 200);
            var body = inbox.json().path("messages").path(0).path("body");
            if (!body.isMissingNode()) {
                return body.asString();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("demo data: nothing in the development inbox of " + phone);
            }
            pause();
        }
    }

    /** Pictures on the demo volume's used cars ({@link DemoPhotos}); returns how many cars got photos now. */
    private int photographUsedCars() {
        long started = System.nanoTime();
        DemoPhotos photos = new DemoPhotos(stack, api);
        int photographed = 0;
        for (DemoStore store : STORES) {
            photographed += photos.ensure(store.code());
        }
        org.slf4j.LoggerFactory.getLogger(DemoPhotos.class).info("Demo photos: {} used cars photographed in {} ms",
                photographed, (System.nanoTime() - started) / 1_000_000);
        return photographed;
    }

    /** The demo store whose manager finds messages in the console's bell. */
    static final String BELL_STORE = "gz_tianhe";
    static final String BELL_MANAGER = "manager.gz_tianhe";

    /** The demo stores with a manager login of their own (manager.<store>), besides the operator. */
    static final java.util.Set<String> STORE_MANAGERS = java.util.Set.of("gz_tianhe", "sz_futian");

    /**
     * Cars the demo members offer for consignment, submitted through the API: each submission's event reaches the
     * store's reviewers' inboxes through the real consumer, so the manager's bell shows unread messages. Only while
     * the manager's inbox is empty (a second run adds nothing; messages they read stay read).
     */
    private void fillManagersBell() {
        String inbox = "/api/stores/" + BELL_STORE + "/inbox";
        Api manager = anonymous.withToken(stack.keycloak().passwordToken(BELL_MANAGER, DEMO_PASSWORD));
        Api.Response mine = manager.get(inbox);
        if (mine.status() != 200 || mine.json().path("totalElements").asLong() > 0) {
            return;
        }
        Object[][] offers = {{"13800138002", "宝马", "X3", 2019, 52_000, 268_000},
            {"13800138003", "宝马", "i3", 2020, 31_000, 158_000}, {"13800138004", "宝马", "5系 530Li", 2018, 76_000,
            238_000}};
        String members = "/api/stores/" + BELL_STORE + "/members";
        for (Object[] offer : offers) {
            String memberId = api.get(members + "?q=" + offer[0]).json().path("content").path(0).path("id").asString();
            Map<String, Object> car = new LinkedHashMap<>();
            car.put("make", offer[1]);
            car.put("model", offer[2]);
            car.put("year", offer[3]);
            car.put("mileageKm", offer[4]);
            car.put("city", "广州");
            car.put("gearbox", "AUTOMATIC");
            car.put("emissionStandard", "CN6B");
            car.put("colour", "白色");
            car.put("priceWishYuan", offer[5]);
            car.put("conditionNotes", "一手车，4S 店按时保养");
            require(api.post("/api/stores/" + BELL_STORE + "/used-cars", Map.of("memberId", memberId, "car", car)),
                    201);
        }
    }

    private void addMembers(DemoStore store) {
        String members = "/api/stores/" + store.code() + "/members";
        for (String[] m : store.members()) {
            if (api.get(members + "?q=" + m[1]).json().path("totalElements").asLong() > 0) {
                continue;
            }
            Map<String, Object> vehicle = new LinkedHashMap<>();
            vehicle.put("plate", m[2]);
            vehicle.put("vin", m[3]);
            vehicle.put("model", m[4]);
            vehicle.put("purchaseDate", "2022-06-18");
            vehicle.put("mileageKm", 23_000);
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("profile", Map.of("name", m[0], "phone", m[1], "source", "WALK_IN"));
            member.put("vehicles", List.of(vehicle));
            if (store.code().equals(OWNER_STORE) && !m[1].equals(OWNER_PHONE)) {
                // brought in by the store's service advisor: the advisors' performance page shows them as referrals
                member.put("referredByAdvisor", ADVISOR);
            }
            require(whenAvailable(() -> api.post(members, member)), 201);
        }
    }

    /**
     * A request refused with 503 (an outside service — the sign-in system listing the store's logins — slow on a busy
     * machine; nothing was written) asked again a few times before its answer counts.
     */
    private static Api.Response whenAvailable(java.util.function.Supplier<Api.Response> request) {
        Api.Response response = request.get();
        for (int tries = 1; response.status() == 503 && tries < 5; tries++) {
            System.out.printf("demo data: 503 %s, asking again%n", response.problemType());
            pause();
            response = request.get();
        }
        return response;
    }

    private void awaitActive(String code) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            Api.Response store = api.get("/api/admin/stores/" + code);
            String status = store.json().path("status").asString();
            if (status.equals("ACTIVE")) {
                return;
            }
            if (status.equals("FAILED")) {
                throw new IllegalStateException("store " + code + " failed: " + store.json().path("failureReason"));
            }
            pause();
        }
        throw new IllegalStateException("store " + code + " was not provisioned within 2 minutes");
    }

    /**
     * A GET whose answer decides what is created: only 200 (there) or 404 (missing) decide; anything else (a service
     * still starting after a restart, a gateway hop that failed) is asked again for up to a minute, then fails with
     * what was answered rather than going on as if the thing were there.
     */
    private Api.Response lookup(String path) {
        Instant until = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            Api.Response response = api.get(path);
            if (response.status() == 200 || response.status() == 404) {
                return response;
            }
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("demo data: GET " + path + " answered " + response.status() + ": "
                        + response.raw());
            }
            System.out.printf("demo data: GET %s answered %d, asking again%n", path, response.status());
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void require(Api.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("demo data: expected " + status + " but got " + response.status()
                    + ": " + response.raw());
        }
    }
}
