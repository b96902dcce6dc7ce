<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Checks</name>
    <message>
        <source>Camera %1 gives a picture</source>
        <translation>摄像头 %1 画面正常</translation>
    </message>
    <message>
        <source>No camera %1: plug it in, or close other apps that use it</source>
        <translation>未找到摄像头 %1：插好摄像头，或关闭占用它的其他软件</translation>
    </message>
    <message>
        <source>Camera %1 cannot be opened (%2): close other apps that use it, or choose another source</source>
        <translation>无法打开摄像头 %1（%2）：关闭占用它的软件，或换一个视频源</translation>
    </message>
    <message>
        <source>Camera %1 gave no picture in time: plug it in again and retry</source>
        <translation>摄像头 %1 长时间无画面：重新插拔后再试</translation>
    </message>
    <message>
        <source>Camera %1 stopped sending pictures: check the cable or the network camera</source>
        <translation>摄像头 %1 画面中断：检查数据线或网络摄像头</translation>
    </message>
    <message>
        <source>Resolution %1×%2</source>
        <translation>分辨率 %1×%2</translation>
    </message>
    <message>
        <source>Resolution %1×%2 is below %3×%4: choose a higher resolution in the camera settings</source>
        <translation>分辨率 %1×%2 低于 %3×%4：在摄像头设置中调高分辨率</translation>
    </message>
    <message>
        <source>%1 frames per second</source>
        <translation>帧率 %1 fps</translation>
    </message>
    <message>
        <source>Only %1 fps (want %2 or more): add light, turn off beauty filters or lower the resolution</source>
        <translation>帧率仅 %1 fps（建议 ≥ %2）：补光、关闭美颜滤镜或降低分辨率</translation>
    </message>
    <message>
        <source>Brightness is fine (%1)</source>
        <translation>亮度正常（%1）</translation>
    </message>
    <message>
        <source>Picture too dark: turn on the fill light or raise the exposure</source>
        <translation>画面过暗：打开补光灯或调高曝光</translation>
    </message>
    <message>
        <source>Picture over-exposed: dim the lights or lower the exposure</source>
        <translation>画面过曝：调暗灯光或降低曝光</translation>
    </message>
    <message>
        <source>Picture is sharp</source>
        <translation>画面清晰</translation>
    </message>
    <message>
        <source>Picture is blurred: clean the lens or refocus</source>
        <translation>画面模糊：擦拭镜头或重新对焦</translation>
    </message>
    <message>
        <source>Picture is only %1 % as sharp as this camera can be: refocus</source>
        <translation>清晰度仅为此前最佳的 %1%：重新对焦</translation>
    </message>
    <message>
        <source>Sharpness can be judged once the lighting is fixed</source>
        <translation>光线问题解决后才能判断清晰度</translation>
    </message>
    <message>
        <source>Picture is live</source>
        <translation>画面实时更新</translation>
    </message>
    <message>
        <source>Picture frozen for %1 s: restart the camera or the capture software</source>
        <translation>画面卡住 %1 秒：重启摄像头或采集软件</translation>
    </message>
    <message>
        <source>Microphone level is good (%1 dBFS)</source>
        <translation>麦克风音量合适（%1 dBFS）</translation>
    </message>
    <message>
        <source>Microphone too quiet (%1 dBFS): speak closer or raise the input gain</source>
        <translation>麦克风音量过小（%1 dBFS）：靠近麦克风或调高输入增益</translation>
    </message>
    <message>
        <source>No sound from the microphone: check that it is plugged in, switched on and not muted</source>
        <translation>麦克风没有声音：检查是否插好、打开且未静音</translation>
    </message>
    <message>
        <source>Microphone %1 not found: plug it in or choose another input</source>
        <translation>未找到麦克风 %1：插好麦克风或选择其他输入设备</translation>
    </message>
    <message>
        <source>Microphone %1 cannot be opened (%2): close other apps that use it</source>
        <translation>无法打开麦克风 %1（%2）：关闭占用它的其他软件</translation>
    </message>
    <message>
        <source>Microphone %1 disappeared during the check: check the cable and check again</source>
        <translation>检查中麦克风 %1 断开：检查连接线后重新检查</translation>
    </message>
    <message>
        <source>No clipping (peak %1 dBFS)</source>
        <translation>无爆音（峰值 %1 dBFS）</translation>
    </message>
    <message>
        <source>The voice clips (peak %1 dBFS): lower the input gain or move back from the microphone</source>
        <translation>声音爆音（峰值 %1 dBFS）：调低输入增益或离麦克风远一些</translation>
    </message>
    <message>
        <source>Background is quiet (%1 dBFS)</source>
        <translation>环境安静（底噪 %1 dBFS）</translation>
    </message>
    <message>
        <source>Background too loud (%1 dBFS, the voice only %2 dB above it): close doors and windows, switch off fans, or use a directional microphone</source>
        <translation>环境噪音过大（底噪 %1 dBFS，人声仅高出 %2 dB）：关闭门窗和风扇，或换指向性麦克风</translation>
    </message>
    <message>
        <source>Test tone played on %1: you should have heard it</source>
        <translation>已在 %1 播放测试音：应能听到</translation>
    </message>
    <message>
        <source>Speaker %1 not found: plug it in or choose another output</source>
        <translation>未找到扬声器 %1：插好设备或选择其他输出</translation>
    </message>
    <message>
        <source>Speaker %1 cannot be opened (%2)</source>
        <translation>无法打开扬声器 %1（%2）</translation>
    </message>
    <message>
        <source>Speaker %1 stopped during the test tone: check the connection</source>
        <translation>测试音播放中扬声器 %1 断开：检查连接</translation>
    </message>
    <message>
        <source>Connected to OBS %1</source>
        <translation>已连接 OBS %1</translation>
    </message>
    <message>
        <source>OBS is not running, or its WebSocket server is off (Tools → WebSocket Server Settings)</source>
        <translation>OBS 未运行或未开启 WebSocket 服务器（工具 → WebSocket 服务器设置）</translation>
    </message>
    <message>
        <source>OBS refused the password: enter the one in OBS&apos;s WebSocket Server Settings</source>
        <translation>OBS 密码错误：填写 OBS WebSocket 服务器设置中的密码</translation>
    </message>
    <message>
        <source>OBS did not answer in time: is it frozen or overloaded?</source>
        <translation>OBS 无响应：检查 OBS 是否卡死或过载</translation>
    </message>
    <message>
        <source>%1 is not OBS&apos;s WebSocket server: check the address and port</source>
        <translation>%1 不是 OBS 的 WebSocket 服务：检查地址和端口</translation>
    </message>
    <message>
        <source>%1 scenes in OBS</source>
        <translation>OBS 中有 %1 个场景</translation>
    </message>
    <message>
        <source>Scenes missing in OBS: %1</source>
        <translation>OBS 缺少场景：%1</translation>
    </message>
    <message>
        <source>OBS has no scenes</source>
        <translation>OBS 中没有场景</translation>
    </message>
    <message>
        <source>OBS outputs %1×%2 at %3 fps</source>
        <translation>OBS 输出 %1×%2，%3 fps</translation>
    </message>
    <message>
        <source>OBS outputs %1×%2 at %3 fps, below %4×%5 at %6 fps: raise it in Settings → Video</source>
        <translation>OBS 输出 %1×%2 / %3 fps，低于 %4×%5 / %6 fps：在 设置 → 视频 中调高</translation>
    </message>
    <message>
        <source>Not streaming yet: stream health is checked once the stream runs</source>
        <translation>尚未推流：开播后再检查推流状态</translation>
    </message>
    <message>
        <source>Stream healthy (%1 % frames dropped)</source>
        <translation>推流正常（丢帧 %1%）</translation>
    </message>
    <message>
        <source>OBS is reconnecting to the stream server: check the network</source>
        <translation>OBS 正在重连推流服务器：检查网络</translation>
    </message>
    <message>
        <source>%1 % of frames dropped: lower the bitrate or check the network</source>
        <translation>丢帧 %1%：降低码率或检查网络</translation>
    </message>
    <message>
        <source>Network congested (%1): lower the bitrate or use a wired connection</source>
        <translation>网络拥堵（%1）：降低码率或改用有线网络</translation>
    </message>
    <message>
        <source>Stream server %1 reached in %2 ms</source>
        <translation>推流服务器 %1 连接正常（%2 ms）</translation>
    </message>
    <message>
        <source>Stream server %1 answers slowly (%2 ms): check the network</source>
        <translation>推流服务器 %1 响应慢（%2 ms）：检查网络</translation>
    </message>
    <message>
        <source>Stream server %1 refused the connection: check the address and port</source>
        <translation>推流服务器 %1 拒绝连接：检查地址和端口</translation>
    </message>
    <message>
        <source>Stream server %1 did not answer: check the network or the firewall</source>
        <translation>推流服务器 %1 无响应：检查网络或防火墙</translation>
    </message>
    <message>
        <source>Stream server %1 not found: check the address and DNS</source>
        <translation>找不到推流服务器 %1：检查地址和 DNS</translation>
    </message>
    <message>
        <source>Stay quiet for a moment…</source>
        <translation>请保持安静…</translation>
    </message>
    <message>
        <source>Speak now, as loud as when selling…</source>
        <translation>请说话（用直播时的音量）…</translation>
    </message>
    <message>
        <source>Playing a test tone on the speaker…</source>
        <translation>正在播放测试音…</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Camera opens</source>
        <translation>摄像头打开</translation>
    </message>
    <message>
        <source>Camera resolution</source>
        <translation>摄像头分辨率</translation>
    </message>
    <message>
        <source>Camera frame rate</source>
        <translation>摄像头帧率</translation>
    </message>
    <message>
        <source>Picture brightness</source>
        <translation>画面亮度</translation>
    </message>
    <message>
        <source>Picture sharpness</source>
        <translation>画面清晰度</translation>
    </message>
    <message>
        <source>Picture moving</source>
        <translation>画面未卡住</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>麦克风音量</translation>
    </message>
    <message>
        <source>Microphone clipping</source>
        <translation>麦克风削波</translation>
    </message>
    <message>
        <source>Background noise</source>
        <translation>环境底噪</translation>
    </message>
    <message>
        <source>Speaker test tone</source>
        <translation>扬声器测试音</translation>
    </message>
    <message>
        <source>OBS connected</source>
        <translation>OBS 已连接</translation>
    </message>
    <message>
        <source>Scenes the script needs</source>
        <translation>脚本所需场景</translation>
    </message>
    <message>
        <source>OBS output</source>
        <translation>OBS 输出</translation>
    </message>
    <message>
        <source>Stream health</source>
        <translation>推流状态</translation>
    </message>
    <message>
        <source>Stream server reachable</source>
        <translation>推流服务器可达</translation>
    </message>
</context>
<context>
    <name>DevicesPanel</name>
    <message>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Stop preview</source>
        <translation>停止预览</translation>
    </message>
    <message>
        <source>The camera did not open: %1</source>
        <translation>摄像头未能打开：%1</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>The camera stopped sending pictures</source>
        <translation>摄像头画面中断</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>电平表</translation>
    </message>
    <message>
        <source>Stop meter</source>
        <translation>停止电平表</translation>
    </message>
    <message>
        <source>The microphone did not open: %1</source>
        <translation>麦克风未能打开：%1</translation>
    </message>
    <message>
        <source>The microphone is gone</source>
        <translation>麦克风已断开</translation>
    </message>
    <message>
        <source>peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <source>CLIP</source>
        <translation>爆音</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>测量值</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>处理建议</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <source>Run the pre-live check</source>
        <translation>开播前检查</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
</context>
<context>
    <name>ImportErrorsDialog</name>
    <message numerus="yes">
        <source>%1 could not be imported: %n problem(s). Nothing was changed.</source>
        <translation>
            <numerusform>%1 无法导入：共 %n 个问题，数据未做任何改动。</numerusform>
        </translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Import failed — nothing was changed</source>
        <translation>导入失败 — 数据未改动</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>全部复制</translation>
    </message>
</context>
<context>
    <name>Keymap</name>
    <message>
        <source>Push the next product</source>
        <translation>上架下一个商品</translation>
    </message>
    <message>
        <source>Put the product card up again</source>
        <translation>重新弹出商品卡</translation>
    </message>
    <message>
        <source>Sold out (selected or explaining product)</source>
        <translation>售罄（选中或讲解中的商品）</translation>
    </message>
    <message>
        <source>Restock the selected product</source>
        <translation>给选中商品补货</translation>
    </message>
    <message>
        <source>Re-list the selected product next</source>
        <translation>选中商品二次上架为下一个</translation>
    </message>
    <message>
        <source>Undo the last queue action</source>
        <translation>撤销上一步队列操作</translation>
    </message>
    <message>
        <source>Start / stop the flash sale</source>
        <translation>开始 / 停止秒杀</translation>
    </message>
    <message>
        <source>The due reminder is done</source>
        <translation>已完成到点的提醒</translation>
    </message>
    <message>
        <source>Note an incident</source>
        <translation>记录异常</translation>
    </message>
    <message>
        <source>Hide / show the product card</source>
        <translation>隐藏 / 显示商品卡</translation>
    </message>
    <message>
        <source>Show / hide the prompter</source>
        <translation>打开 / 关闭提词器</translation>
    </message>
    <message>
        <source>Prompter: speak slower</source>
        <translation>提词：讲慢点</translation>
    </message>
    <message>
        <source>Prompter: lucky bag now</source>
        <translation>提词：上福袋</translation>
    </message>
    <message>
        <source>Prompter: read the comments</source>
        <translation>提词：看评论</translation>
    </message>
    <message>
        <source>Prompter: say the price</source>
        <translation>提词：报价格</translation>
    </message>
    <message>
        <source>Prompter: next product</source>
        <translation>提词：该下一款了</translation>
    </message>
    <message>
        <source>Prompter: type an alert</source>
        <translation>提词：输入提示</translation>
    </message>
    <message>
        <source>Script: start / pause / resume</source>
        <translation>脚本：开始 / 暂停 / 继续</translation>
    </message>
    <message>
        <source>Script: next segment</source>
        <translation>脚本：下一环节</translation>
    </message>
    <message>
        <source>Script: previous segment</source>
        <translation>脚本：上一环节</translation>
    </message>
    <message>
        <source>Script: confirm the waiting cue</source>
        <translation>脚本：确认待执行的提示</translation>
    </message>
    <message>
        <source>Metrics: type figures</source>
        <translation>数据：快速录入</translation>
    </message>
    <message>
        <source>Metrics: send the newest alert to the prompter</source>
        <translation>数据：把最新预警发到提词器</translation>
    </message>
    <message>
        <source>OBS: switch to the standby scene</source>
        <translation>OBS：切到安全场景</translation>
    </message>
    <message>
        <source>This list of keys</source>
        <translation>快捷键列表</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>“%1” is not a valid %2</source>
        <translation>「%1」不是有效的%2</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1有误</translation>
    </message>
    <message>
        <source>New product %1</source>
        <translation>新商品 %1</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n product(s)</source>
        <translation>
            <numerusform>删除 %n 个商品</numerusform>
        </translation>
    </message>
    <message>
        <source>Create or choose a session first</source>
        <translation>请先新建或选择场次</translation>
    </message>
    <message numerus="yes">
        <source>Add %n product(s) to the lineup</source>
        <translation>
            <numerusform>将 %n 个商品加入排品</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 products</source>
        <translation>共 %1 个商品</translation>
    </message>
    <message>
        <source>%1 of %2 products shown</source>
        <translation>显示 %1 / %2 个商品</translation>
    </message>
</context>
<context>
    <name>LineupPanel</name>
    <message>
        <source>No session chosen: create one from the Session menu</source>
        <translation>未选择场次：请从「场次」菜单新建</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>共 %1 款</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>LiveConsole 直播中控台</source>
        <translation>直播中控台 LiveConsole</translation>
    </message>
    <message>
        <source>Product library</source>
        <translation>商品库</translation>
    </message>
    <message>
        <source>Lineup</source>
        <translation>排品</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>The database could not be opened: %1</source>
        <translation>无法打开数据库：%1</translation>
    </message>
    <message>
        <source>The database could not be opened</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>About LiveConsole</source>
        <translation>关于直播中控台</translation>
    </message>
    <message>
        <source>LiveConsole %1 — the room assistant&apos;s console for live-stream selling.</source>
        <translation>直播中控台 %1 — 直播电商助播/中控的一屏控场工具。</translation>
    </message>
    <message>
        <source>LiveConsole</source>
        <translation>直播中控台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>场次(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Import &amp;products…</source>
        <translation>导入商品库(&amp;P)…</translation>
    </message>
    <message>
        <source>Import &amp;lineup into this session…</source>
        <translation>导入本场排品(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Export products…</source>
        <translation>导出商品库(&amp;E)…</translation>
    </message>
    <message>
        <source>Export l&amp;ineup…</source>
        <translation>导出排品(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation>新建场次(&amp;N)…</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Keys and prompter…</source>
        <translation>快捷键与提词器(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;About LiveConsole</source>
        <translation>关于直播中控台(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MetricsPanel</name>
    <message>
        <source>GMV</source>
        <translation>成交额</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <source>Items sold</source>
        <translation>成交件数</translation>
    </message>
    <message>
        <source>Avg order value</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>GPM</source>
        <translation>GPM</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>计划进度</translation>
    </message>
    <message>
        <source>GMV: the paid order amount since the session started, as the platform counts it.</source>
        <translation>成交额：开播以来已支付订单的金额（以平台口径为准）。</translation>
    </message>
    <message>
        <source>Online viewers at the last sample.
ACU = time-weighted mean of online viewers; PCU = the highest count.</source>
        <translation>最近一次采样时的在线人数。
ACU = 在线人数按时间加权的平均值；PCU = 最高在线人数。</translation>
    </message>
    <message>
        <source>Items sold since the session started.</source>
        <translation>开播以来的成交件数。</translation>
    </message>
    <message>
        <source>Average order value = GMV ÷ buyers.</source>
        <translation>客单价 = 成交额 ÷ 成交人数。</translation>
    </message>
    <message>
        <source>Pace = GMV ÷ the plan&apos;s cumulative GMV at the same moment × 100.
The plan runs straight from the planned start over the planned length to the GMV target.
Projected finish = GMV + the last 10 minutes&apos; GMV per minute × the minutes left in the plan.</source>
        <translation>计划进度 = 成交额 ÷ 同一时刻计划累计成交额 × 100。
计划从计划开播时间起，在计划时长内匀速增长到成交目标。
预计收官 = 成交额 + 近 10 分钟每分钟成交额 × 计划剩余分钟数。</translation>
    </message>
    <message>
        <source>GPM = GMV × 1000 ÷ views (PV).</source>
        <translation>GPM = 成交额 × 1000 ÷ 观看次数（PV）。</translation>
    </message>
    <message>
        <source>GPM = GMV × 1000 ÷ viewers (UV).</source>
        <translation>GPM = 成交额 × 1000 ÷ 观看人数（UV）。</translation>
    </message>
    <message>
        <source>The small line: the change against 5 minutes earlier.</source>
        <translation>下方小字：与 5 分钟前相比的变化。</translation>
    </message>
    <message>
        <source>ACU</source>
        <translation>ACU</translation>
    </message>
    <message>
        <source>PCU</source>
        <translation>PCU</translation>
    </message>
    <message>
        <source>UV value</source>
        <translation>UV 价值</translation>
    </message>
    <message>
        <source>Click→order</source>
        <translation>点击成交率</translation>
    </message>
    <message>
        <source>View→order</source>
        <translation>观看成交率</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>互动率</translation>
    </message>
    <message>
        <source>Follow rate</source>
        <translation>转粉率</translation>
    </message>
    <message>
        <source>GMV/min</source>
        <translation>每分钟成交额</translation>
    </message>
    <message>
        <source>ACU = time-weighted mean of online viewers; each count holds until the next.</source>
        <translation>ACU = 在线人数按时间加权的平均值；每个读数保持到下一个读数。</translation>
    </message>
    <message>
        <source>PCU = the highest online count.</source>
        <translation>PCU = 最高在线人数。</translation>
    </message>
    <message>
        <source>UV value = GMV ÷ viewers (UV).</source>
        <translation>UV 价值 = 成交额 ÷ 观看人数（UV）。</translation>
    </message>
    <message>
        <source>Click-to-order = buyers ÷ product clicks.</source>
        <translation>点击成交率 = 成交人数 ÷ 商品点击数。</translation>
    </message>
    <message>
        <source>View-to-order = buyers ÷ viewers (UV).</source>
        <translation>观看成交率 = 成交人数 ÷ 观看人数（UV）。</translation>
    </message>
    <message>
        <source>Engagement = (comments + shares) ÷ viewers (UV). Likes are left out: one viewer taps hundreds.</source>
        <translation>互动率 =（评论数 + 分享数）÷ 观看人数（UV）。不计点赞：一位观众可以点赞上百次。</translation>
    </message>
    <message>
        <source>Follow rate = new followers ÷ viewers (UV).</source>
        <translation>转粉率 = 新增粉丝 ÷ 观看人数（UV）。</translation>
    </message>
    <message>
        <source>GMV per minute over the last 10 minutes.</source>
        <translation>近 10 分钟平均每分钟成交额。</translation>
    </message>
    <message>
        <source>Online viewers fell %1% in %2 s (%3 → %4)</source>
        <translation>在线人数 %2 秒内下降 %1%（%3 → %4）</translation>
    </message>
    <message>
        <source>GMV %1% behind plan: ¥%2 of ¥%3 planned (¥%4 short)</source>
        <translation>成交额落后计划 %1%：实际 ¥%2，计划 ¥%3（差 ¥%4）</translation>
    </message>
    <message>
        <source>%1 fell %2% (%3% → %4%, last %5 min)</source>
        <translation>%1下降 %2%（%3% → %4%，近 %5 分钟）</translation>
    </message>
    <message>
        <source>No figures from “%1” for %2 s</source>
        <translation>“%1”已 %2 秒没有数据</translation>
    </message>
    <message>
        <source>Stream health red: %1</source>
        <translation>推流状态告急：%1</translation>
    </message>
    <message>
        <source>Click-to-order</source>
        <translation>点击成交率</translation>
    </message>
    <message>
        <source>View-to-order</source>
        <translation>观看成交率</translation>
    </message>
    <message>
        <source>quick entry</source>
        <translation>快速录入</translation>
    </message>
    <message>
        <source>ingest API</source>
        <translation>数据接口</translation>
    </message>
    <message>
        <source>simulator</source>
        <translation>模拟数据</translation>
    </message>
    <message>
        <source>trend file</source>
        <translation>趋势文件</translation>
    </message>
    <message>
        <source>FPS</source>
        <translation>帧率</translation>
    </message>
    <message>
        <source>render lag</source>
        <translation>渲染卡顿</translation>
    </message>
    <message>
        <source>encoder lag</source>
        <translation>编码卡顿</translation>
    </message>
    <message>
        <source>dropped frames</source>
        <translation>网络丢帧</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>bitrate</source>
        <translation>码率</translation>
    </message>
    <message>
        <source>congestion</source>
        <translation>网络拥塞</translation>
    </message>
    <message>
        <source>Pushed #%1 %2</source>
        <translation>讲解 %1号 %2</translation>
    </message>
    <message>
        <source>Scene: %1</source>
        <translation>切换场景：%1</translation>
    </message>
    <message>
        <source>Flash sale, %1 s</source>
        <translation>秒杀 %1 秒</translation>
    </message>
    <message>
        <source>Incident: %1 %2</source>
        <translation>异常：%1 %2</translation>
    </message>
    <message>
        <source>stream down</source>
        <translation>直播中断</translation>
    </message>
    <message>
        <source>broken link</source>
        <translation>链接失效</translation>
    </message>
    <message>
        <source>wrong price</source>
        <translation>价格错误</translation>
    </message>
    <message>
        <source>wrong stock</source>
        <translation>库存错误</translation>
    </message>
    <message>
        <source>abusive comments</source>
        <translation>恶评</translation>
    </message>
    <message>
        <source>device fault</source>
        <translation>设备故障</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Type a figure&apos;s name and its value, e.g. “gmv 62.7w 在线 3500”</source>
        <translation>请输入指标名和数值，例如“gmv 62.7w 在线 3500”</translation>
    </message>
    <message>
        <source>“%1” names no figure (known: %2)</source>
        <translation>“%1”不是已知的指标（可用：%2）</translation>
    </message>
    <message>
        <source>“%1” has no number after it</source>
        <translation>“%1”后面缺少数值</translation>
    </message>
    <message>
        <source>“%1” is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
    <message>
        <source>“%1” must be a whole number</source>
        <translation>“%1”必须是整数</translation>
    </message>
    <message>
        <source>“%1” is not a watch time (90, 90秒, 1分30秒, 1:30)</source>
        <translation>“%1”不是观看时长（可写 90、90秒、1分30秒、1:30）</translation>
    </message>
    <message>
        <source>“%1” has no figure&apos;s name before it</source>
        <translation>“%1”前面缺少指标名</translation>
    </message>
    <message>
        <source>“%1” is given twice</source>
        <translation>“%1”重复填写</translation>
    </message>
    <message>
        <source>“%1” is larger than any room: a typo?</source>
        <translation>“%1”大得不合常理，是否输错了？</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>viewers</source>
        <translation>观看人数</translation>
    </message>
    <message>
        <source>views</source>
        <translation>观看次数</translation>
    </message>
    <message>
        <source>new followers</source>
        <translation>新增粉丝</translation>
    </message>
    <message>
        <source>likes</source>
        <translation>点赞</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>shares</source>
        <translation>分享</translation>
    </message>
    <message>
        <source>product exposures</source>
        <translation>商品曝光</translation>
    </message>
    <message>
        <source>product clicks</source>
        <translation>商品点击</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>items</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>buyers</source>
        <translation>成交人数</translation>
    </message>
    <message>
        <source>avg watch time</source>
        <translation>人均观看时长</translation>
    </message>
    <message>
        <source>%1 in 5 min</source>
        <translation>5 分钟 %1</translation>
    </message>
    <message>
        <source>Taken at %1: %2</source>
        <translation>%1 已记录：%2</translation>
    </message>
    <message>
        <source>Figures not saved yet (retrying): %1</source>
        <translation>数据暂未保存（正在重试）：%1</translation>
    </message>
    <message>
        <source>%1 behind</source>
        <translation>落后 %1</translation>
    </message>
    <message>
        <source>%1 ahead</source>
        <translation>领先 %1</translation>
    </message>
    <message>
        <source>finish ≈ %1</source>
        <translation>预计收官 ≈ %1</translation>
    </message>
    <message>
        <source>Ingest API: %1 (token in Settings)</source>
        <translation>数据接口：%1（令牌见设置）</translation>
    </message>
    <message>
        <source>Ingest API off: %1</source>
        <translation>数据接口未开启：%1</translation>
    </message>
    <message>
        <source>%1 %2 s ago</source>
        <translation>%1 %2 秒前</translation>
    </message>
    <message>
        <source>Last figures:</source>
        <translation>最近数据：</translation>
    </message>
    <message>
        <source>(over)</source>
        <translation>（已恢复）</translation>
    </message>
    <message>
        <source>No metric alert to send</source>
        <translation>没有可发送的数据预警</translation>
    </message>
    <message>
        <source>Sent to the prompter: %1</source>
        <translation>已发到提词器：%1</translation>
    </message>
    <message>
        <source>Names: gmv/成交额, 在线, uv/观看人数, pv/观看次数, 订单, 件数, 成交人数, 点赞, 评论, 分享, 新增粉丝, 曝光, 点击, 人均观看时长. Values: 62.7w, 6.27万, ¥627,437, full-width digits.</source>
        <translation>指标名：gmv/成交额、在线、uv/观看人数、pv/观看次数、订单、件数、成交人数、点赞、评论、分享、新增粉丝、曝光、点击、人均观看时长。数值可写 62.7w、6.27万、¥627,437 或全角数字。</translation>
    </message>
    <message>
        <source>k</source>
        <comment>thousands on a chart axis; 万 in Chinese</comment>
        <translation>万</translation>
    </message>
    <message>
        <source>Online viewers</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <source>GMV (¥) — dashed: plan</source>
        <translation>成交额（元）— 虚线为计划</translation>
    </message>
    <message>
        <source>Orders per minute</source>
        <translation>每分钟订单数</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Send to prompter</source>
        <translation>发到提词器</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据录入</translation>
    </message>
    <message>
        <source>gmv 62.7w 在线 3500 订单 1280 — then Enter</source>
        <translation>gmv 62.7w 在线 3500 订单 1280，回车录入</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>录入</translation>
    </message>
    <message>
        <source>Simulate audience</source>
        <translation>模拟观众</translation>
    </message>
    <message>
        <source>Import trend file…</source>
        <translation>导入趋势文件…</translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <source>Give the session a name</source>
        <translation>请填写场次名称</translation>
    </message>
    <message>
        <source>A session with this name exists</source>
        <translation>已有同名场次</translation>
    </message>
    <message>
        <source>The GMV target is not an amount</source>
        <translation>GMV 目标不是有效金额</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>新建场次</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>平台(&amp;P)</translation>
    </message>
    <message>
        <source>Planned &amp;start</source>
        <translation>计划开播(&amp;S)</translation>
    </message>
    <message>
        <source>Planned &amp;length (minutes)</source>
        <translation>计划时长（分钟）(&amp;L)</translation>
    </message>
    <message>
        <source>GMV &amp;target (yuan)</source>
        <translation>GMV 目标（元）(&amp;T)</translation>
    </message>
</context>
<context>
    <name>ObsPanel</name>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <source>OBS WebSocket is not enabled</source>
        <translation>OBS 未开启 WebSocket</translation>
    </message>
    <message>
        <source>FPS</source>
        <translation>帧率</translation>
    </message>
    <message>
        <source>Render lag</source>
        <translation>渲染丢帧</translation>
    </message>
    <message>
        <source>Encoder lag</source>
        <translation>编码丢帧</translation>
    </message>
    <message>
        <source>Dropped (network)</source>
        <translation>网络丢帧</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Bitrate</source>
        <translation>码率</translation>
    </message>
    <message>
        <source>Congestion</source>
        <translation>拥塞</translation>
    </message>
    <message>
        <source>LIVE %1</source>
        <translation>直播中 %1</translation>
    </message>
    <message>
        <source>REC %1</source>
        <translation>录制中 %1</translation>
    </message>
    <message>
        <source>Hotkey: %1</source>
        <translation>快捷键：%1</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>停止录制</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>OBS is not connected</source>
        <translation>OBS 未连接</translation>
    </message>
    <message>
        <source>Switch to %1</source>
        <translation>切换到「%1」</translation>
    </message>
    <message>
        <source>No standby scene is set: right-click a scene button to choose one</source>
        <translation>未设置安全场景：右键点击场景按钮进行设置</translation>
    </message>
    <message>
        <source>Use as the standby scene (%1)</source>
        <translation>设为安全场景（%1）</translation>
    </message>
    <message>
        <source>Stop the live stream? Viewers will see the room end.</source>
        <translation>确定停止直播推流？观众将看到直播结束。</translation>
    </message>
    <message>
        <source>Stop recording?</source>
        <translation>确定停止录制？</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <source>OBS WebSocket password</source>
        <translation>OBS WebSocket 密码</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Scenes</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Stream health</source>
        <translation>推流健康度</translation>
    </message>
    <message>
        <source>Start streaming</source>
        <translation>开始推流</translation>
    </message>
    <message>
        <source>Stop streaming</source>
        <translation>停止推流</translation>
    </message>
    <message>
        <source>Start recording</source>
        <translation>开始录制</translation>
    </message>
</context>
<context>
    <name>Placeholders</name>
    <message>
        <source>OBS / Scenes</source>
        <translation>OBS / 场景</translation>
    </message>
    <message>
        <source>Scene buttons with hotkeys, stream health and the on-stream product card.</source>
        <translation>场景切换按钮与快捷键、推流健康度、直播画面上的商品卡。</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Camera preview, microphone meter and the pre-live checklist.</source>
        <translation>摄像头预览、麦克风电平与开播前检查清单。</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>脚本</translation>
    </message>
    <message>
        <source>The session script with a running clock and cues.</source>
        <translation>整场脚本：实时计时与提示。</translation>
    </message>
    <message>
        <source>Product queue</source>
        <translation>商品队列</translation>
    </message>
    <message>
        <source>Now explaining, up next, sold out and re-list during live.</source>
        <translation>直播中的讲解中、下一个、售罄与二次上架。</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>GMV pace against plan, viewers and orders with event markers.</source>
        <translation>GMV 对比计划进度、在线人数与订单，并标注事件。</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>the file is %1 MB; files over %2 MB are refused</source>
        <translation>文件大小 %1 MB，超过 %2 MB 的文件不予导入</translation>
    </message>
    <message>
        <source>not a spreadsheet, or the file is damaged (%1)</source>
        <translation>不是表格文件，或文件已损坏（%1）</translation>
    </message>
    <message>
        <source>the workbook contains unsafe XML (%1) and was refused</source>
        <translation>工作簿含有不安全的 XML（%1），已拒绝</translation>
    </message>
    <message>
        <source>the workbook unpacks to far more than its size and was refused (%1)</source>
        <translation>工作簿解压后体积异常（%1），已拒绝</translation>
    </message>
    <message>
        <source>files of type %1 cannot be read</source>
        <translation>无法读取 %1 类型的文件</translation>
    </message>
    <message>
        <source>the workbook is password-protected: save a copy without a password</source>
        <translation>工作簿有密码保护：请另存一份无密码的副本</translation>
    </message>
    <message>
        <source>the text encoding is not recognised: save it as UTF-8 CSV or as .xlsx</source>
        <translation>无法识别文本编码：请另存为 UTF-8 CSV 或 .xlsx</translation>
    </message>
    <message>
        <source>no header row in the first %1 rows (columns such as 商品名称 and 直播价 were expected)</source>
        <translation>前 %1 行中没有找到表头（应有「商品名称」「直播价」等列）</translation>
    </message>
    <message>
        <source>there is no product title column (one of: %1)</source>
        <translation>缺少商品名称列（可用列名：%1）</translation>
    </message>
    <message>
        <source>the table has no product rows</source>
        <translation>表中没有商品行</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>is not a category: use 引流款, 福利款, 利润款, 形象款 or 常规款</source>
        <translation>不是有效的类型：请填 引流款、福利款、利润款、形象款 或 常规款</translation>
    </message>
    <message>
        <source>the product has no title</source>
        <translation>商品名称为空</translation>
    </message>
    <message>
        <source>the same SKU is already on row %1</source>
        <translation>货号与第 %1 行重复</translation>
    </message>
    <message>
        <source>the same link number is already on row %1</source>
        <translation>链接号与第 %1 行重复</translation>
    </message>
    <message>
        <source>is not allowed here (%1)</source>
        <translation>此处不允许该值（%1）</translation>
    </message>
    <message>
        <source>the live price %1 is above the list price %2</source>
        <translation>直播价 %1 高于日常价 %2</translation>
    </message>
    <message>
        <source>unknown column: its values are kept as product notes</source>
        <translation>未识别的列：内容已保存为商品备注</translation>
    </message>
    <message>
        <source>a second column for the same field: column %1 is used, this one is kept as notes</source>
        <translation>同一字段出现两列：使用「%1」列，此列保存为备注</translation>
    </message>
    <message>
        <source>column %1 has values but no header and was ignored</source>
        <translation>第 %1 列有内容但没有表头，已忽略</translation>
    </message>
    <message>
        <source>a total row was skipped</source>
        <translation>已跳过合计行</translation>
    </message>
    <message>
        <source>a section heading row was skipped</source>
        <translation>已跳过分区标题行</translation>
    </message>
    <message>
        <source>this sheet also looks like a product list and was not imported</source>
        <translation>此工作表也像商品表，但未导入</translation>
    </message>
    <message>
        <source>looks wrong (%1)</source>
        <translation>数值可疑（%1）</translation>
    </message>
    <message>
        <source>no script header in the first %1 rows (columns such as 时间, 环节 and 时长 were expected)</source>
        <translation>前 %1 行中没有找到脚本表头（应有「时间」「环节」「时长」等列）</translation>
    </message>
    <message>
        <source>there is no segment column (one of: %1)</source>
        <translation>缺少环节列（可用列名：%1）</translation>
    </message>
    <message>
        <source>the table has no segments</source>
        <translation>表中没有环节</translation>
    </message>
    <message>
        <source>the row has content but no segment name</source>
        <translation>该行有内容但没有环节名称</translation>
    </message>
    <message>
        <source>is not a time such as 20:00 or 20:00-20:15</source>
        <translation>不是时间（应为 20:00 或 20:00-20:15）</translation>
    </message>
    <message>
        <source>is not a length such as 15分钟, 15min or 0:15:00</source>
        <translation>不是时长（应为 15分钟、15min 或 0:15:00）</translation>
    </message>
    <message>
        <source>the segment has no length: give 时长 or a time range</source>
        <translation>环节没有时长：请填写时长或时间段</translation>
    </message>
    <message>
        <source>starts before the segment on row %1</source>
        <translation>开始时间早于第 %1 行的环节</translation>
    </message>
    <message>
        <source>is not a segment type (开场, 暖场, 产品讲解, 互动, 过渡, 收尾)</source>
        <translation>不是环节类型（开场、暖场、产品讲解、互动、过渡、收尾）</translation>
    </message>
    <message>
        <source>is not an interaction (福袋, 抽奖, 秒杀, 发券)</source>
        <translation>不是互动类型（福袋、抽奖、秒杀、发券）</translation>
    </message>
    <message>
        <source>“%1” is not in this session&apos;s lineup</source>
        <translation>「%1」不在本场排品中</translation>
    </message>
    <message>
        <source>“%1” matches several products: use the link number</source>
        <translation>「%1」匹配多个商品：请用链接号</translation>
    </message>
    <message>
        <source>the single-product script row names no product</source>
        <translation>单品脚本行没有指明商品</translation>
    </message>
    <message>
        <source>the length differs from the time range; the range is used</source>
        <translation>时长与时间段不一致，按时间段计算</translation>
    </message>
    <message>
        <source>starts before the segment on row %1 ends</source>
        <translation>开始时第 %1 行的环节尚未结束</translation>
    </message>
    <message>
        <source>“%1” is not in this session&apos;s lineup yet</source>
        <translation>「%1」尚未加入本场排品</translation>
    </message>
    <message>
        <source>no header row in the first %1 rows (columns such as 时间 and 在线人数 were expected)</source>
        <translation>前 %1 行中没有表头（应有 时间、在线人数 等列）</translation>
    </message>
    <message>
        <source>no time column (one of: %1)</source>
        <translation>缺少时间列（可用列名：%1）</translation>
    </message>
    <message>
        <source>the table has no data rows</source>
        <translation>表中没有数据行</translation>
    </message>
    <message>
        <source>this column is not imported</source>
        <translation>此列未导入</translation>
    </message>
    <message>
        <source>per-minute values, added up into running totals</source>
        <translation>该列为每分钟数值，已累加为累计值</translation>
    </message>
    <message>
        <source>; open it in Excel and save it as .xlsx</source>
        <translation>；请用 Excel 打开并另存为 .xlsx</translation>
    </message>
    <message>
        <source>sheet %1</source>
        <translation>工作表「%1」</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>「%1」列</translation>
    </message>
    <message>
        <source>value “%1”</source>
        <translation>值「%1」</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source>There is no session named “%1”: create it with `liveconsole session create`</source>
        <translation>没有名为「%1」的场次：请先用 `liveconsole session create` 创建</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
</context>
<context>
    <name>ProductPanel</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Search title, SKU or link number</source>
        <translation>搜索商品名称、货号或链接号</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Add to lineup</source>
        <translation>加入排品</translation>
    </message>
</context>
<context>
    <name>Prompter</name>
    <message>
        <source>Speak slower</source>
        <translation>讲慢点</translation>
    </message>
    <message>
        <source>Lucky bag now</source>
        <translation>上福袋</translation>
    </message>
    <message>
        <source>Read the comments</source>
        <translation>看评论</translation>
    </message>
    <message>
        <source>Say the price</source>
        <translation>报价格</translation>
    </message>
    <message>
        <source>Time for the next product</source>
        <translation>该下一款了</translation>
    </message>
    <message>
        <source>Prompter — LiveConsole</source>
        <translation>提词器 — 直播中控台</translation>
    </message>
    <message>
        <source>Flash sale %1</source>
        <translation>秒杀 %1</translation>
    </message>
    <message>
        <source>Waiting for the first product</source>
        <translation>等待上架第一款商品</translation>
    </message>
    <message>
        <source>Live ¥%1</source>
        <translation>到手价 ¥%1</translation>
    </message>
    <message>
        <source>was ¥%1</source>
        <translation>日常价 ¥%1</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>下一个：%1</translation>
    </message>
    <message>
        <source>Then: %1</source>
        <translation>之后：%1</translation>
    </message>
    <message>
        <source>Alert for the host (Enter sends)</source>
        <translation>给主播的提示（回车发送）</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Explaining</source>
        <translation>讲解中</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待讲解</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已讲解</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>售罄</translation>
    </message>
    <message>
        <source>No product with that link number</source>
        <translation>没有这个链接号的商品</translation>
    </message>
    <message>
        <source>Several products share that link number</source>
        <translation>多个商品用了同一个链接号</translation>
    </message>
    <message>
        <source>That product is sold out: restock it first</source>
        <translation>该商品已售罄：请先补货</translation>
    </message>
    <message>
        <source>Nothing is waiting</source>
        <translation>没有待讲解的商品</translation>
    </message>
    <message>
        <source>No product is being explained</source>
        <translation>当前没有讲解中的商品</translation>
    </message>
    <message>
        <source>Only a product that was explained can be re-listed</source>
        <translation>只有讲解过的商品才能二次上架</translation>
    </message>
    <message>
        <source>Only waiting products can be reordered</source>
        <translation>只有待讲解的商品可以调整顺序</translation>
    </message>
    <message>
        <source>The quantity must be a whole number above 0</source>
        <translation>数量必须是大于 0 的整数</translation>
    </message>
    <message>
        <source>This product&apos;s stock was never given</source>
        <translation>该商品没有填写库存</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>没有可撤销的操作</translation>
    </message>
    <message>
        <source>The log does not fit this lineup</source>
        <translation>日志与当前排品不符</translation>
    </message>
    <message>
        <source>Lucky bag</source>
        <translation>福袋</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Lottery</source>
        <translation>抽奖</translation>
    </message>
    <message>
        <source>Stream down</source>
        <translation>直播中断</translation>
    </message>
    <message>
        <source>Broken link</source>
        <translation>链接失效</translation>
    </message>
    <message>
        <source>Wrong price</source>
        <translation>价格错误</translation>
    </message>
    <message>
        <source>Wrong stock</source>
        <translation>库存错误</translation>
    </message>
    <message>
        <source>Abusive comments</source>
        <translation>恶评</translation>
    </message>
    <message>
        <source>Device fault</source>
        <translation>设备故障</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Live price ¥%1</source>
        <translation>直播价 ¥%1</translation>
    </message>
    <message>
        <source>List price ¥%1</source>
        <translation>日常价 ¥%1</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Explained</source>
        <translation>讲解时长</translation>
    </message>
    <message>
        <source>Nothing is being explained</source>
        <translation>暂无讲解中的商品</translation>
    </message>
    <message>
        <source>Up next: %1</source>
        <translation>下一个：%1</translation>
    </message>
    <message>
        <source>Up next: —</source>
        <translation>下一个：—</translation>
    </message>
    <message>
        <source>%1 waiting · %2 explained · %3 sold out</source>
        <translation>待讲解 %1 · 已讲解 %2 · 售罄 %3</translation>
    </message>
    <message>
        <source>stock %1</source>
        <translation>库存 %1</translation>
    </message>
    <message>
        <source>explained %1 time(s)</source>
        <translation>第 %1 次讲解</translation>
    </message>
    <message>
        <source>Show card</source>
        <translation>显示商品卡</translation>
    </message>
    <message>
        <source>“%1” is not a link number</source>
        <translation>「%1」不是链接号</translation>
    </message>
    <message>
        <source>Select a product to restock</source>
        <translation>请先选中要补货的商品</translation>
    </message>
    <message>
        <source>Select a product to re-list</source>
        <translation>请先选中要二次上架的商品</translation>
    </message>
    <message>
        <source>Flash sale %1</source>
        <translation>秒杀 %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Flash sale over</source>
        <translation>秒杀结束</translation>
    </message>
    <message>
        <source>The flash sale has ended</source>
        <translation>秒杀已结束</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>now!</source>
        <translation>现在！</translation>
    </message>
    <message>
        <source>Time for the %1</source>
        <translation>该上%1了</translation>
    </message>
    <message>
        <source>The card has been up %1 s: press %2 to put it up again</source>
        <translation>商品卡已展示 %1 秒：按 %2 重新弹卡</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>快捷键：%1</translation>
    </message>
    <message>
        <source>Now explaining</source>
        <translation>讲解中</translation>
    </message>
    <message>
        <source>Link number + Enter pushes it; Enter alone pushes the next</source>
        <translation>输入链接号回车上架；直接回车上架下一个</translation>
    </message>
    <message>
        <source>Push next</source>
        <translation>上架下一个</translation>
    </message>
    <message>
        <source>Re-push card</source>
        <translation>重新弹卡</translation>
    </message>
    <message>
        <source>Restock</source>
        <translation>补货</translation>
    </message>
    <message>
        <source>Re-list</source>
        <translation>二次上架</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Hide card</source>
        <translation>隐藏商品卡</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What happened (Enter records it, Esc closes)</source>
        <translation>发生了什么（回车记录，Esc 关闭）</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Flash sale</source>
        <translation>秒杀</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>定时提醒</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>异常记录</translation>
    </message>
    <message>
        <source>New incident</source>
        <translation>记录异常</translation>
    </message>
</context>
<context>
    <name>ScriptPanel</name>
    <message>
        <source>Opening</source>
        <translation>开场</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>暖场</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品讲解</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>互动</translation>
    </message>
    <message>
        <source>Transition</source>
        <translation>过渡</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>收尾</translation>
    </message>
    <message>
        <source>lucky bag</source>
        <translation>福袋</translation>
    </message>
    <message>
        <source>lottery</source>
        <translation>抽奖</translation>
    </message>
    <message>
        <source>flash sale</source>
        <translation>秒杀</translation>
    </message>
    <message>
        <source>coupon</source>
        <translation>发券</translation>
    </message>
    <message>
        <source>The session has no script yet: import one</source>
        <translation>本场还没有脚本：请先导入</translation>
    </message>
    <message>
        <source>This is the last segment</source>
        <translation>已是最后一个环节</translation>
    </message>
    <message>
        <source>This is the first segment</source>
        <translation>已是第一个环节</translation>
    </message>
    <message>
        <source>The script is not running</source>
        <translation>脚本未在进行中</translation>
    </message>
    <message>
        <source>No cue is waiting</source>
        <translation>没有待确认的提示</translation>
    </message>
    <message>
        <source>switch OBS to “%1”</source>
        <translation>OBS 切换到「%1」</translation>
    </message>
    <message>
        <source>push link %1</source>
        <translation>上架 %1 号链接</translation>
    </message>
    <message>
        <source>start the %1</source>
        <translation>开始%1</translation>
    </message>
    <message>
        <source>Over the planned time: %1</source>
        <translation>超时：%1</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划时长</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际时长</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>链接号</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一环节</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一环节</translation>
    </message>
    <message>
        <source>No script for this session: import one (时间, 环节, 时长, 内容, 商品)</source>
        <translation>本场没有脚本：请导入（时间、环节、时长、内容、商品）</translation>
    </message>
    <message>
        <source>Ready: %1 segments, %2 planned</source>
        <translation>就绪：共 %1 个环节，计划 %2</translation>
    </message>
    <message>
        <source> (paused)</source>
        <translation>（已暂停）</translation>
    </message>
    <message>
        <source>%1 · %2 left%3</source>
        <translation>%1 · 剩余 %2%3</translation>
    </message>
    <message>
        <source>late %1</source>
        <translation>落后 %1</translation>
    </message>
    <message>
        <source>ahead %1</source>
        <translation>提前 %1</translation>
    </message>
    <message>
        <source>Session %1 / %2 · projected end %3 · %4</source>
        <translation>全场 %1 / %2 · 预计结束 %3 · %4</translation>
    </message>
    <message>
        <source>Waiting: %1 — %2 or Enter confirms, Esc skips</source>
        <translation>待确认：%1 — 按 %2 或回车确认，Esc 跳过</translation>
    </message>
    <message>
        <source>“%1” is not a valid value here</source>
        <translation>「%1」在这里无效</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Import script…</source>
        <translation>导入脚本…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings — keys, prompter and metrics</source>
        <translation>设置 — 快捷键、提词器与数据</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>直播中</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Re-push reminder after</source>
        <translation>重新弹卡提醒间隔</translation>
    </message>
    <message>
        <source>Scene cues</source>
        <translation>场景提示</translation>
    </message>
    <message>
        <source>Product cues</source>
        <translation>商品提示</translation>
    </message>
    <message>
        <source>Run at once</source>
        <translation>立即执行</translation>
    </message>
    <message>
        <source>Wait for confirmation</source>
        <translation>等待确认</translation>
    </message>
    <message>
        <source>Prompter</source>
        <translation>提词器</translation>
    </message>
    <message>
        <source>Mirror (beam-splitter glass)</source>
        <translation>镜像（提词玻璃）</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source> px/s</source>
        <translation> 像素/秒</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>显示器</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>配色</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>Talking points scroll</source>
        <translation>话术滚动速度</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>per 1000 views (PV)</source>
        <translation>每千次观看（PV）</translation>
    </message>
    <message>
        <source>per 1000 viewers (UV)</source>
        <translation>每千位观众（UV）</translation>
    </message>
    <message>
        <source>GPM</source>
        <translation>GPM</translation>
    </message>
    <message>
        <source>Alert: online drops within a minute by</source>
        <translation>预警：在线人数一分钟内下降超过</translation>
    </message>
    <message>
        <source>Alert: GMV behind plan by</source>
        <translation>预警：成交额落后计划超过</translation>
    </message>
    <message>
        <source>Alert: conversion falls by</source>
        <translation>预警：转化率下降超过</translation>
    </message>
    <message>
        <source>Alert: a source silent for</source>
        <translation>预警：数据源无数据超过</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Accept figures from browser extensions and scripts (127.0.0.1 only)</source>
        <translation>接收浏览器插件和脚本推送的数据（仅限 127.0.0.1）</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>任一空闲端口</translation>
    </message>
    <message>
        <source>Ingest port</source>
        <translation>接口端口</translation>
    </message>
    <message>
        <source>made at the next start</source>
        <translation>下次启动时生成</translation>
    </message>
    <message>
        <source>New token</source>
        <translation>更换令牌</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>访问令牌</translation>
    </message>
    <message>
        <source>Port and token changes take effect at the next start.</source>
        <translation>端口和令牌的修改在下次启动后生效。</translation>
    </message>
    <message>
        <source>%1 is given to both “%2” and “%3”</source>
        <translation>%1 同时用于「%2」和「%3」</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>1 … 9</source>
        <translation>1 … 9</translation>
    </message>
    <message>
        <source>OBS: switch to scene 1 … 9</source>
        <translation>OBS：切换到第 1…9 个场景</translation>
    </message>
    <message>
        <source>link number + Enter</source>
        <translation>链接号 + 回车</translation>
    </message>
    <message>
        <source>Push that product (Enter alone: the next)</source>
        <translation>上架该商品（直接回车：下一个）</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Traffic driver</source>
        <translation>引流款</translation>
    </message>
    <message>
        <source>Fan welfare</source>
        <translation>福利款</translation>
    </message>
    <message>
        <source>Profit maker</source>
        <translation>利润款</translation>
    </message>
    <message>
        <source>Image builder</source>
        <translation>形象款</translation>
    </message>
    <message>
        <source>Regular</source>
        <translation>常规款</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>日常价</translation>
    </message>
    <message>
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Selling points</source>
        <translation>卖点</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>Import products</source>
        <translation>导入商品</translation>
    </message>
    <message>
        <source>Import script</source>
        <translation>导入脚本</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n segment(s) from %1</source>
        <translation>
            <numerusform>已从 %1 导入 %n 个环节</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n product(s) from %1</source>
        <translation>
            <numerusform>已从 %1 导入 %n 个商品</numerusform>
        </translation>
    </message>
    <message>
        <source>Import trend file</source>
        <translation>导入趋势文件</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n minute(s) of figures from %1</source>
        <translation>
            <numerusform>已从 %1 导入 %n 分钟的数据</numerusform>
        </translation>
    </message>
    <message>
        <source>encoding %1</source>
        <translation>编码 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 条警告</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n segment(s) to %1</source>
        <translation>
            <numerusform>已导出 %n 个环节到 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n product(s) to %1</source>
        <translation>
            <numerusform>已导出 %n 个商品到 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Edit %1</source>
        <translation>编辑「%1」</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>新增「%1」</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>删除「%1」</translation>
    </message>
    <message>
        <source>Add %1 to the lineup</source>
        <translation>将「%1」加入排品</translation>
    </message>
    <message>
        <source>Remove %1 from the lineup</source>
        <translation>将「%1」移出排品</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>移动「%1」</translation>
    </message>
</context>
</TS>
